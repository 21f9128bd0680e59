import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const MODEL = "gpt-4o-mini";

export async function answer(question) {
  const completion = await openai.chat.completions.create({
    model: MODEL,
    messages: [{ role: "user", content: question }],
  });
  return completion.choices[0].message.content;
}

export async function describe(url) {
  const { data, response } = await openai.chat.completions
    .create({
      model: "gpt-4o",
      messages: [{ role: "user", content: [{ type: "text", text: "Describe" }, { type: "image_url", image_url: { url } }] }],
    })
    .withResponse();
  return { data, requestId: response.headers.get("x-request-id") };
}

export async function research(topic) {
  return openai.responses.create({
    model: "gpt-4.1",
    store: true,
    tools: [{ type: "web_search" }],
    input: `Research ${topic}`,
  });
}

export async function* streamAnswer(question) {
  const stream = await openai.responses.create({ model: "gpt-4.1", input: question, stream: true });
  for await (const event of stream) yield event;
}
