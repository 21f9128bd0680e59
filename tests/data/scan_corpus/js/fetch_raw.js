// A serverless function that calls the REST API directly.
const OPENAI_URL = "https://api.openai.com";

export default async function handler(req, res) {
  const upstream = await fetch("https://api.openai.com/v1/responses", {
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ model: "gpt-4.1", input: req.body.text, background: true }),
  });
  res.status(upstream.status).json(await upstream.json());
}

export async function embed(axios, text) {
  return axios.post(`${OPENAI_URL}/v1/embeddings`, { model: "text-embedding-3-small", input: text });
}

export async function moderate(text) {
  const url = OPENAI_URL + "/v1/moderations";
  return fetch(url, { method: "POST", body: JSON.stringify({ input: text }) });
}
