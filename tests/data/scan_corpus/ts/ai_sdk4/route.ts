import { openai } from "@ai-sdk/openai";
import { streamText } from "ai";

// AI SDK 4: calling the provider itself makes a Chat Completions model.
export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: openai("gpt-4o-mini"), system: "You are a support agent.", messages });
  return result.toDataStreamResponse();
}
