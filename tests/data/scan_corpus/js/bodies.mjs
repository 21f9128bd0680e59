import OpenAI from "openai";

const client = new OpenAI();

export async function ask(input, { previousId, files } = {}) {
  const body = { model: "gpt-4.1-mini", input };
  const tools = [];
  if (files) tools.push({ type: "file_search", vector_store_ids: files });
  body.tools = tools;
  if (previousId) body.previous_response_id = previousId;
  Object.assign(body, { store: true });
  return client.responses.create({ ...body, stream: false });
}

export async function review(code) {
  const options = { model: "gpt-4o", messages: [{ role: "user", content: code }] };
  options.messages.push({ role: "user", content: [{ type: "image_url", image_url: { url: "https://x/y.png" } }] });
  return client.chat.completions.create(options);
}
