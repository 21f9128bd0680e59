import { createOpenAI, openai } from "@ai-sdk/openai";
import { embed, experimental_generateImage as generateImage, experimental_generateSpeech as generateSpeech,
  experimental_transcribe as transcribe, generateText, streamText } from "ai";

// An OpenAI-compatible host reached through the OpenAI provider: not OpenAI.
const groq = createOpenAI({ baseURL: "https://api.groq.com/openai/v1", apiKey: process.env.GROQ_API_KEY });
const team = createOpenAI({ apiKey: process.env.OPENAI_TEAM_KEY, project: "proj_support" });

export async function research(question: string, previous?: string) {
  return generateText({
    model: openai("gpt-4.1"),
    prompt: question,
    tools: { web_search: openai.tools.webSearch({ searchContextSize: "high" }) },
    providerOptions: { openai: { previousResponseId: previous, store: true } },
  });
}

export function chat(prompt: string) {
  return streamText({ model: openai.chat("gpt-4o-mini"), prompt });
}

export async function vector(value: string) {
  const { embedding } = await embed({ model: openai.embedding("text-embedding-3-small"), value });
  return embedding;
}

export const poster = (prompt: string) => generateImage({ model: openai.image("gpt-image-1"), prompt });

export const minutes = (audio: Uint8Array) => transcribe({ model: team.transcription("gpt-4o-transcribe"), audio });

export const speak = (text: string) => generateSpeech({ model: team.speech("gpt-4o-mini-tts"), text });

export const fast = (prompt: string) => generateText({ model: groq("llama-3.3-70b-versatile"), prompt });

export const strict = (prompt: string) => generateText({ model: team.responses("o4-mini"), prompt });
