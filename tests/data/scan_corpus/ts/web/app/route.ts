import { CHAT_MODEL, openai } from "@/lib/openai";
import { makeClient } from "../lib/openai";

export async function POST(request: Request) {
  const { text } = await request.json();
  const reply = await openai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: "user", content: text }] });
  await makeClient().moderations.create({ model: "omni-moderation-latest", input: text });
  return Response.json(reply);
}
