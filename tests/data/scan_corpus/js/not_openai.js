// Look-alikes that are not OpenAI calls.
import Groq from "groq-sdk";
import Anthropic from "@anthropic-ai/sdk";

const groq = new Groq();
const anthropic = new Anthropic();

export async function local(text) {
  return fetch("http://localhost:11434/v1/chat/completions", { method: "POST", body: JSON.stringify({ text }) });
}

export async function other(text) {
  await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [] });
  return groq.chat.completions.create({ model: "llama-3.3-70b", messages: [{ role: "user", content: text }] });
}

export function explain() {
  console.log("OpenAI documents POST https://api.openai.com/v1/files in its reference");
}
