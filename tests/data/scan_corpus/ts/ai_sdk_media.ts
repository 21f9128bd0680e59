import { openai } from "@ai-sdk/openai";
import { experimental_streamTranslate as streamTranslate, generateText } from "ai";

export const translate = (audio: AsyncIterable<Uint8Array>) =>
  streamTranslate({ model: openai.translation("gpt-realtime-translate"), audio, targetLanguage: "fr" });

export async function readInvoice(pdf: Uint8Array) {
  const { text } = await generateText({
    model: openai.responses("gpt-4.1-mini"),
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "What is the total due?" },
          { type: "file", data: pdf, mediaType: "application/pdf" },
        ],
      },
    ],
  });
  return text;
}

export const caption = (photo: URL) =>
  generateText({ model: openai("gpt-4.1-mini"), prompt: [{ role: "user", content: [{ type: "image", image: photo }] }] });
