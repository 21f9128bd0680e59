import OpenAI from "openai";

export const openai = new OpenAI({ maxRetries: 2 });
export const CHAT_MODEL = "gpt-4o-mini";
export function makeClient() {
  return new OpenAI();
}
