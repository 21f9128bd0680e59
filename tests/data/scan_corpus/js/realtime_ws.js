const MODEL = "gpt-realtime";

export function connect(token) {
  const socket = new WebSocket(`wss://api.openai.com/v1/realtime?model=${MODEL}`, [
    "realtime",
    `openai-insecure-api-key.${token}`,
  ]);
  socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "response.create" })));
  return socket;
}
