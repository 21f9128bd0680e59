import OpenAI from "openai";
const client = new OpenAI();
export async function half( {
  return client.embeddings.create({ model: "text-embedding-3-small", input: "x" });
