import { ChatOpenAI, OpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";

const prompt = ChatPromptTemplate.fromMessages([["system", "Summarize the thread."], ["user", "{thread}"]]);

const model = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });
const reasoner = new ChatOpenAI({ model: "o4-mini", useResponsesApi: true });
const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small" });
const completer = new OpenAI({ model: "gpt-3.5-turbo-instruct" });
const local = new ChatOpenAI({ model: "qwen2.5", configuration: { baseURL: "http://localhost:1234/v1" } });

export async function summarize(thread: string) {
  return prompt.pipe(model).invoke({ thread });
}

export { completer, embeddings, local, reasoner };

export const searcher = new ChatOpenAI({ model: "gpt-4.1" }).bindTools([{ type: "web_search_preview" }]);
