import OpenAI from "openai";
import { OpenAIRealtimeWS } from "openai/realtime/ws";
import { OpenAIRealtimeWebSocket as BrowserSocket } from "openai/realtime/websocket";

const client = new OpenAI();

export function connectServer() {
  const rt = new OpenAIRealtimeWS({ model: "gpt-realtime" });
  rt.send({ type: "response.create" });
  return rt;
}

export function connectBrowser() {
  return new BrowserSocket({ model: "gpt-realtime-mini" }, client);
}

export async function ephemeralKey() {
  return client.realtime.clientSecrets.create({ session: { type: "realtime", model: "gpt-realtime" } });
}
