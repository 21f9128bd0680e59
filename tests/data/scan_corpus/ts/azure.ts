import { AzureOpenAI } from "openai";
import fs from "node:fs";

function makeClient(): AzureOpenAI {
  return new AzureOpenAI({ apiVersion: "2024-10-21", deployment: "gpt-4o" });
}

const azure = makeClient();

export async function embed(text: string) {
  return azure.embeddings.create({ model: "text-embedding-3-small", input: text });
}

export async function draw(prompt: string) {
  return azure.images.generate({ model: "dall-e-3", prompt, n: 1 });
}

export async function transcribe(path: string) {
  return azure.audio.transcriptions.create({ model: "whisper-1", file: fs.createReadStream(path) });
}

export async function speak(text: string) {
  const speech = await azure.audio.speech.create({ model: "tts-1", voice: "alloy", input: text });
  return Buffer.from(await speech.arrayBuffer());
}
