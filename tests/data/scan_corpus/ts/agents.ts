import { Agent, Runner, run, webSearchTool, hostedMcpTool } from "@openai/agents";
import { RealtimeAgent, RealtimeSession } from "@openai/agents/realtime";

const researcher = new Agent({
  name: "Researcher",
  instructions: "Find sources.",
  tools: [webSearchTool(), hostedMcpTool({ serverLabel: "docs", serverUrl: "https://docs.example.com/mcp" })],
});

export async function research(question: string) {
  const result = await run(researcher, question);
  return result.finalOutput;
}

export async function researchWithRunner(question: string) {
  const runner = new Runner({ workflowName: "research" });
  return runner.run(researcher, question);
}

export async function voice(apiKey: string) {
  const session = new RealtimeSession(new RealtimeAgent({ name: "Greeter" }), { model: "gpt-realtime" });
  await session.connect({ apiKey });
  return session;
}
