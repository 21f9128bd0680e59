"use server";
import { useState } from "react";
import OpenAI from "openai";

const openai = new OpenAI();

export async function summarize(text: string) {
  const result = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: text }] });
  return result.choices[0].message.content ?? "";
}

export function ChatBox() {
  const [reply, setReply] = useState("");
  async function send(text: string) {
    const response = await fetch("/api/chat", { method: "POST", body: JSON.stringify({ text }) });
    setReply(await response.text());
  }
  return <form onSubmit={() => send(reply)}><p>{reply}</p></form>;
}
