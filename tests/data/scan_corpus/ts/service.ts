import OpenAI from "openai";
import type { ResponseInputItem } from "openai/resources/responses/responses";

const DEFAULT_MODEL = "o4-mini";
const hostedTools = [
  { type: "code_interpreter", container: { type: "auto" } },
  { type: "mcp", server_label: "crm", server_url: "https://crm.example.com/mcp" },
] as const;

export class AssistantService {
  private client: OpenAI;

  constructor(private readonly fallback: OpenAI, apiKey: string) {
    this.client = new OpenAI({ apiKey });
  }

  async ask(input: ResponseInputItem[]) {
    return this.client.responses.create({ model: DEFAULT_MODEL, input, background: true, tools: [...hostedTools] });
  }

  async continueFrom(previousId: string, text: string) {
    return this.fallback.responses.create({
      model: "gpt-4.1",
      previous_response_id: previousId,
      input: text,
    });
  }

  async withConversation(conversationId: string, file: string) {
    return this.client.responses.create({
      model: "gpt-4.1",
      conversation: conversationId,
      input: [{ role: "user", content: [{ type: "input_file", file_id: file }] }],
    });
  }
}

export async function quick(client: OpenAI, text: string): Promise<string> {
  const response = await client.responses.create({ model: "gpt-4.1-mini", input: text, store: false });
  return response.output_text;
}
