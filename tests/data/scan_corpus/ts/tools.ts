// Builds the `tools` list that app/api/turn/route.ts passes to responses.create.
export interface ToolsState {
  webSearch: boolean;
  codeInterpreter: boolean;
  vectorStoreId?: string;
}

export function getTools(state: ToolsState) {
  const tools: object[] = [];
  if (state.webSearch) {
    tools.push({ type: "web_search", search_context_size: "medium" });
  }
  if (state.vectorStoreId) {
    tools.push({
      type: "file_search",
      vector_store_ids: [state.vectorStoreId],
    });
  }
  if (state.codeInterpreter) {
    tools.push({ type: "code_interpreter", container: { type: "auto" } });
  }
  tools.push({ type: "function", name: "get_weather", parameters: {} });
  return tools;
}
