"""Hand labels for a sample of public repositories' files, for benchmarks/scan.py.

The repositories are not part of this project: the benchmark reads them from their stored snapshots
when present (never copied here). The sample is every 3rd example file of the SDKs, every 8th of
the Agents SDK and every 12th of the cookbook's notebooks and scripts, among those that mention OpenAI,
in path order; each label was written by reading the file at the commit given: (path, line of the call,
endpoint, features, models). A file in the sample
with no label holds no OpenAI call (for example an agent definition run elsewhere, or the SDK pointed
at AWS Bedrock or a custom provider).
"""

R = "/v1/responses"
CHAT = "/v1/chat/completions"
E = "/v1/embeddings"


def _on(path, *labels):
    """The labels of one file, (line, endpoint, features, models) each."""
    return [(path, *label) for label in labels]


SAMPLES = {
    "openai/openai-python": {
        "commit": "e43b422412a9e96c9cc5192c61fffbe2d7e04836",
        "files": """examples/async_demo.py examples/azure_ad.py examples/demo.py examples/image_stream.py
            examples/mtls_httpx2.py examples/parsing.py examples/parsing_tools_stream.py
            examples/realtime/azure_realtime.py examples/responses/background.py
            examples/responses/background_streaming_async.py examples/responses/streaming.py
            examples/responses/structured_outputs_tools.py examples/speech_to_text.py examples/uploads.py
            examples/x509_workload_identity_async.py""".split(),
        "labels": [
            ("examples/async_demo.py", 12, CHAT, [], ["gpt-5.5"]),
            ("examples/azure_ad.py", 28, CHAT, [], ["deployment-name"]),
            ("examples/azure_ad.py", 52, CHAT, [], ["deployment-name"]),
            ("examples/demo.py", 10, CHAT, [], ["gpt-5.5"]),
            ("examples/demo.py", 23, CHAT, [], ["gpt-5.5"]),
            ("examples/demo.py", 42, CHAT, [], ["gpt-5.5"]),
            ("examples/image_stream.py", 13, "/v1/images/generations", [], ["gpt-image-1"]),
            ("examples/mtls_httpx2.py", 30, "/v1/files", [], []),
            ("examples/parsing.py", 21, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/parsing_tools_stream.py", 18, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/realtime/azure_realtime.py", 45, "/v1/realtime", [], []),
            ("examples/responses/background.py", 22, R, ["background_mode"], ["gpt-4o-2024-08-06"]),
            ("examples/responses/background.py", 39, R, [], []),
            ("examples/responses/background_streaming_async.py", 23, R, ["background_mode"], ["gpt-4o-2024-08-06"]),
            ("examples/responses/background_streaming_async.py", 40, R, [], []),
            ("examples/responses/streaming.py", 21, R, [], ["gpt-4o-2024-08-06"]),
            ("examples/responses/structured_outputs_tools.py", 60, R, [], ["gpt-4o-2024-08-06"]),
            ("examples/speech_to_text.py", 16, "/v1/audio/transcriptions", [], ["whisper-1"]),
            ("examples/uploads.py", 18, "/v1/files", [], []),
            ("examples/uploads.py", 34, "/v1/files", [], []),
            ("examples/x509_workload_identity_async.py", 37, R, [], ["gpt-5.5"]),
        ],
    },
    "openai/openai-node": {
        "commit": "7b7d6ca71130d37ec09792c50056b47861f2eccf",
        "files": """examples/assistants/assistant-stream-raw.ts examples/audio/audio.ts examples/azure/assistants.ts
            examples/azure/realtime/ws.ts examples/bedrock/runtime-chat.ts
            examples/chat-completions/function-call-diy.ts examples/chat-completions/function-call.ts
            examples/chat-completions/parsing-stream.ts examples/chat-completions/parsing.ts
            examples/chat-completions/stream-to-client-next.ts examples/chat-completions/tool-call-helpers-zod.ts
            examples/chat-completions/types.ts examples/client/raw-response.ts examples/images/picture.ts
            examples/mtls/node.mjs examples/responses/manual-conversation-state.ts examples/responses/stream.ts
            examples/responses/structured-outputs-tools.ts""".split(),
        "labels": [
            ("examples/assistants/assistant-stream-raw.ts", 15, "/v1/assistants", [], ["gpt-4o"]),
            ("examples/assistants/assistant-stream-raw.ts", 21, "/v1/threads", [], []),
            ("examples/assistants/assistant-stream-raw.ts", 30, "/v1/threads/runs", [], []),
            ("examples/audio/audio.ts", 23, "/v1/audio/speech", [], ["tts-1"]),
            ("examples/audio/audio.ts", 41, "/v1/audio/speech", [], ["tts-1"]),
            ("examples/audio/audio.ts", 50, "/v1/audio/transcriptions", [], ["whisper-1"]),
            ("examples/audio/audio.ts", 56, "/v1/audio/translations", [], ["whisper-1"]),
            ("examples/azure/assistants.ts", 33, "/v1/assistants", [], []),
            ("examples/azure/assistants.ts", 40, "/v1/threads", [], []),
            ("examples/azure/assistants.ts", 50, "/v1/threads/runs", [], []),
            ("examples/azure/assistants.ts", 56, "/v1/threads/messages", [], []),
            ("examples/azure/realtime/ws.ts", 16, "/v1/realtime", [], []),
            ("examples/chat-completions/function-call-diy.ts", 82, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/function-call.ts", 82, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/parsing-stream.ts", 18, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/chat-completions/parsing.ts", 18, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/chat-completions/stream-to-client-next.ts", 127, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/tool-call-helpers-zod.ts", 37, CHAT, [], ["gpt-4-1106-preview"]),
            ("examples/chat-completions/types.ts", 14, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/types.ts", 24, CHAT, [], ["gpt-4"]),
            ("examples/client/raw-response.ts", 11, "/v1/completions", [], ["gpt-3.5-turbo-instruct"]),
            ("examples/client/raw-response.ts", 23, "/v1/completions", [], ["gpt-3.5-turbo-instruct"]),
            ("examples/images/picture.ts", 24, "/v1/images/generations", [], ["gpt-image-2"]),
            ("examples/images/picture.ts", 41, "/v1/images/edits", ["image_inputs"], ["gpt-image-2"]),
            ("examples/responses/manual-conversation-state.ts", 17, R, [], ["gpt-5.5"]),
            ("examples/responses/manual-conversation-state.ts", 32, R, [], ["gpt-5.5"]),
            ("examples/responses/stream.ts", 8, R, [], ["gpt-4o-2024-08-06"]),
            ("examples/responses/structured-outputs-tools.ts", 41, R, [], ["gpt-4o-2024-08-06"]),
        ],
    },
    "openai/openai-agents-python": {
        "commit": "7f7a44f8dc0650296bd5ab6c745c9bcbaa6ac3b7",
        "files": """examples/agent_patterns/agents_as_tools.py
            examples/agent_patterns/human_in_the_loop_custom_rejection.py examples/basic/agent_lifecycle_example.py
            examples/basic/local_image.py
            examples/basic/stream_function_call_args.py examples/financial_research_agent/agents/financials_agent.py
            examples/handoffs/message_filter_streaming.py examples/mcp/manager_example/app.py
            examples/memory/advanced_sqlite_session_example.py examples/memory/mongodb_session_example.py
            examples/model_providers/custom_example_agent.py examples/realtime/twilio_sip/server.py
            examples/sandbox/basic.py examples/sandbox/extensions/e2b_runner.py
            examples/sandbox/extensions/vercel_runner.py examples/sandbox/misc/workspace_apply_patch.py
            examples/sandbox/tutorials/dataroom_qa/main.py examples/tools/code_interpreter.py
            examples/tools/local_shell_skill.py examples/voice/streamed/my_workflow.py""".split(),
        "labels": [
            ("examples/agent_patterns/agents_as_tools.py", 67, R, [], []),
            ("examples/agent_patterns/agents_as_tools.py", 75, R, [], []),
            ("examples/agent_patterns/human_in_the_loop_custom_rejection.py", 67, R, [], []),
            ("examples/agent_patterns/human_in_the_loop_custom_rejection.py", 95, R, [], []),
            ("examples/basic/agent_lifecycle_example.py", 114, R, [], []),
            ("examples/basic/local_image.py", 25, R, ["image_inputs"], []),
            ("examples/basic/stream_function_call_args.py", 44, R, [], []),
            ("examples/handoffs/message_filter_streaming.py", 77, R, [], []),
            ("examples/handoffs/message_filter_streaming.py", 82, R, [], []),
            ("examples/handoffs/message_filter_streaming.py", 91, R, [], []),
            ("examples/handoffs/message_filter_streaming.py", 105, R, [], []),
            ("examples/mcp/manager_example/app.py", 107, R, [], []),
            ("examples/memory/advanced_sqlite_session_example.py", 50, R, [], []),
            ("examples/memory/advanced_sqlite_session_example.py", 65, R, [], []),
            ("examples/memory/advanced_sqlite_session_example.py", 80, R, [], []),
            ("examples/memory/advanced_sqlite_session_example.py", 183, R, [], []),
            ("examples/memory/advanced_sqlite_session_example.py", 193, R, [], []),
            ("examples/memory/mongodb_session_example.py", 45, R, [], []),
            ("examples/memory/mongodb_session_example.py", 48, R, [], []),
            ("examples/memory/mongodb_session_example.py", 51, R, [], []),
            ("examples/memory/mongodb_session_example.py", 56, R, [], []),
            ("examples/realtime/twilio_sip/server.py", 68, "/v1/realtime", [], ["gpt-realtime-2.1"]),
            ("examples/realtime/twilio_sip/server.py", 102, "/v1/realtime", [], []),
            ("examples/sandbox/basic.py", 183, R, [], []),
            ("examples/sandbox/extensions/e2b_runner.py", 197, R, [], []),
            ("examples/sandbox/extensions/e2b_runner.py", 205, R, [], []),
            ("examples/sandbox/extensions/vercel_runner.py", 370, R, [], []),
            ("examples/sandbox/extensions/vercel_runner.py", 374, R, [], []),
            ("examples/sandbox/tutorials/dataroom_qa/main.py", 92, R, [], []),
            ("examples/tools/code_interpreter.py", 33, R, ["hosted_containers"], ["gpt-5.6-sol"]),
            ("examples/tools/local_shell_skill.py", 39, R, [], []),
            ("examples/tools/local_shell_skill.py", 63, R, [], []),
            ("examples/voice/streamed/my_workflow.py", 78, R, [], ["gpt-5.6-sol"]),
        ],
    },
    # The cookbook is over the snapshot size limit; a fork's snapshot holds the same upstream commit
    # (openai/openai-cookbook#2653, "Memory compaction"). Every 12th file mentioning OpenAI, from the 1st,
    # among its .ipynb/.py/.js/.ts files, in path order. A notebook's line is its line in the .ipynb file.
    # Models: the literal the call's model argument holds in the file; none when it is a parameter.
    "openai/openai-cookbook": {
        "commit": "65d3db5684e48c0f18188b509ab8a82feaf55e31",
        "snapshots": ["openai/openai-cookbook", "elcidspain/openai-cookbook"],
        "files": """articles/gpt-oss/build-your-own-fact-checker-cerebras.ipynb
            examples/Context_summarization_with_realtime_api.ipynb examples/Fine-tuned_classification.ipynb
            examples/How_to_count_tokens_with_tiktoken.ipynb examples/Parse_PDF_docs_for_RAG.ipynb
            examples/Reinforcement_Fine_Tuning.ipynb examples/Using_embeddings.ipynb
            examples/agents_sdk/context_personalization.ipynb examples/agents_sdk/session_memory.ipynb
            examples/azure/functions.ipynb examples/chatgpt/gpt_actions_library/gpt_action_googleads_adzviser.ipynb
            examples/chatgpt/gpt_actions_library/gpt_middleware_aws_function.ipynb examples/completions_usage_api.ipynb
            examples/evals/realtime_evals/skills/bootstrap-realtime-eval/scripts/bootstrap_realtime_eval.py
            examples/evaluation/use-cases/regression.ipynb examples/gpt-5/gpt-5-1_prompting_guide.ipynb
            examples/gpt4-1_prompting_guide.ipynb examples/o-series/o3o4-mini_prompting_guide.ipynb
            examples/object_oriented_agentic_approach/resources/registry/agents/file_access_agent.py
            examples/reasoning_function_calls.ipynb
            examples/third_party/Web_search_with_google_api_bring_your_own_browser_tool.ipynb
            examples/vector_databases/chroma/hyde-with-chroma-and-openai.ipynb
            examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb
            examples/vector_databases/redis/redisjson/redisjson.ipynb
            examples/voice_solutions/one_way_translation_using_realtime_api/relay-server/index.js""".split(),
        "labels": [
            ("examples/Context_summarization_with_realtime_api.ipynb", 326, CHAT, [], ["gpt-4o-mini"]),
            # websockets.connect(url) with url = f"wss://api.openai.com/v1/realtime?model={model}"
            ("examples/Context_summarization_with_realtime_api.ipynb", 495, "/v1/realtime", [], []),
            ("examples/Fine-tuned_classification.ipynb", 318, "/v1/files", [], []),
            ("examples/Fine-tuned_classification.ipynb", 319, "/v1/files", [], []),
            ("examples/Fine-tuned_classification.ipynb", 321, "/v1/fine_tuning/jobs", [], ["babbage-002"]),
            ("examples/Fine-tuned_classification.ipynb", 349, "/v1/fine_tuning/jobs", [], []),
            ("examples/Fine-tuned_classification.ipynb", 367, "/v1/fine_tuning/jobs", [], []),
            ("examples/Fine-tuned_classification.ipynb", 368, "/v1/files", [], []),
            ("examples/Fine-tuned_classification.ipynb", 369, "/v1/files", [], []),
            ("examples/Fine-tuned_classification.ipynb", 566, "/v1/completions", [], []),
            ("examples/Fine-tuned_classification.ipynb", 594, "/v1/completions", [], []),
            ("examples/Fine-tuned_classification.ipynb", 635, "/v1/completions", [], []),
            ("examples/Fine-tuned_classification.ipynb", 646, "/v1/completions", [], []),
            ("examples/How_to_count_tokens_with_tiktoken.ipynb", 598, CHAT, [],
             ["gpt-3.5-turbo", "gpt-4", "gpt-4-0613", "gpt-4o", "gpt-4o-mini"]),
            ("examples/How_to_count_tokens_with_tiktoken.ipynb", 779, CHAT, [],
             ["gpt-3.5-turbo", "gpt-4", "gpt-4o", "gpt-4o-mini"]),
            ("examples/Parse_PDF_docs_for_RAG.ipynb", 343, CHAT, ["image_inputs"], ["gpt-4o"]),
            ("examples/Parse_PDF_docs_for_RAG.ipynb", 17823, "/v1/embeddings", [], ["text-embedding-3-small"]),
            ("examples/Parse_PDF_docs_for_RAG.ipynb", 18000, CHAT, [], ["gpt-4o"]),
            ("examples/Reinforcement_Fine_Tuning.ipynb", 332, R, [], []),
            ("examples/Reinforcement_Fine_Tuning.ipynb", 1128, CHAT, [], []),
            # POST /v1/fine_tuning/alpha/graders/validate: the fine-tuning API's grader check
            ("examples/Reinforcement_Fine_Tuning.ipynb", 1359, "/v1/fine_tuning/jobs", [], []),
            ("examples/Reinforcement_Fine_Tuning.ipynb", 1406, "/v1/files", [], []),
            ("examples/Reinforcement_Fine_Tuning.ipynb", 1501, "/v1/fine_tuning/jobs", [], ["o4-mini-2025-04-16"]),
            ("examples/Reinforcement_Fine_Tuning.ipynb", 1552, "/v1/fine_tuning/jobs", [], []),
            ("examples/Using_embeddings.ipynb", 33, "/v1/embeddings", [], ["text-embedding-3-small"]),
            ("examples/Using_embeddings.ipynb", 59, "/v1/embeddings", [], ["text-embedding-3-small"]),
            ("examples/Using_embeddings.ipynb", 87, "/v1/embeddings", [], []),
            ("examples/agents_sdk/context_personalization.ipynb", 531, R, [], []),
            ("examples/agents_sdk/context_personalization.ipynb", 1245, R, [], ["gpt-5.2"]),
            ("examples/agents_sdk/context_personalization.ipynb", 1277, R, [], ["gpt-5.2"]),
            ("examples/agents_sdk/context_personalization.ipynb", 1308, R, [], ["gpt-5.2"]),
            ("examples/agents_sdk/context_personalization.ipynb", 1362, R, [], ["gpt-5.2"]),
            ("examples/agents_sdk/context_personalization.ipynb", 1492, R, [], []),
            ("examples/agents_sdk/session_memory.ipynb", 250, R, [], []),
            ("examples/agents_sdk/session_memory.ipynb", 479, R, [], ["gpt-5"]),
            # asyncio.to_thread(self.client.responses.create, model=self.model, ...)
            ("examples/agents_sdk/session_memory.ipynb", 826, R, [], []),
            ("examples/azure/functions.ipynb", 245, CHAT, [], []),
            ("examples/azure/functions.ipynb", 313, CHAT, [], []),
            ("examples/evaluation/use-cases/regression.ipynb", 70, CHAT, [], ["gpt-4o-mini"]),
            ("examples/evaluation/use-cases/regression.ipynb", 199, "/v1/evals", [], []),
            ("examples/evaluation/use-cases/regression.ipynb", 302, "/v1/evals", [], []),
            ("examples/evaluation/use-cases/regression.ipynb", 346, CHAT, [], ["gpt-4o-mini"]),
            ("examples/evaluation/use-cases/regression.ipynb", 370, "/v1/evals", [], []),
            ("examples/evaluation/use-cases/regression.ipynb", 403, R, [], ["gpt-4o"]),
            ("examples/evaluation/use-cases/regression.ipynb", 434, "/v1/evals", [], []),
            ("examples/gpt4-1_prompting_guide.ipynb", 264, R, [], ["gpt-4.1-2025-04-14"]),
            ("examples/gpt4-1_prompting_guide.ipynb", 517, R, [], ["gpt-4.1-2025-04-14"]),
            ("examples/o-series/o3o4-mini_prompting_guide.ipynb", 238, R, [], ["o3"]),
            ("examples/o-series/o3o4-mini_prompting_guide.ipynb", 261, R, [], ["o3"]),
            ("examples/reasoning_function_calls.ipynb", 76, R, [], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 82, R, ["previous_response_id"], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 193, R, ["previous_response_id"], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 281, R, ["previous_response_id"], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 308, R, ["web_search_live"], ["gpt-4o-mini"]),
            ("examples/reasoning_function_calls.ipynb", 510, R, [], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 521, R, ["previous_response_id"], ["o4-mini"]),
            ("examples/reasoning_function_calls.ipynb", 654, R, [], ["o4-mini"]),
            ("examples/third_party/Web_search_with_google_api_bring_your_own_browser_tool.ipynb", 74, CHAT, [],
             ["gpt-4o"]),
            ("examples/third_party/Web_search_with_google_api_bring_your_own_browser_tool.ipynb", 205, CHAT, [],
             ["gpt-4o"]),
            ("examples/third_party/Web_search_with_google_api_bring_your_own_browser_tool.ipynb", 351, CHAT, [],
             ["gpt-4o-mini"]),
            ("examples/third_party/Web_search_with_google_api_bring_your_own_browser_tool.ipynb", 585, CHAT, [],
             ["gpt-4o"]),
            ("examples/vector_databases/chroma/hyde-with-chroma-and-openai.ipynb", 270, CHAT, [], ["gpt-4o"]),
            # Chroma's OpenAIEmbeddingFunction: the collection embeds with OpenAI
            ("examples/vector_databases/chroma/hyde-with-chroma-and-openai.ipynb", 568, "/v1/embeddings", [], []),
            ("examples/vector_databases/chroma/hyde-with-chroma-and-openai.ipynb", 653, CHAT, [], ["gpt-4o"]),
            ("examples/vector_databases/chroma/hyde-with-chroma-and-openai.ipynb", 869, CHAT, [], ["gpt-4o"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 408, "/v1/embeddings", [],
             ["text-embedding-3-small"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 661, "/v1/embeddings", [],
             ["text-embedding-3-small"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 667, "/v1/embeddings", [],
             ["text-embedding-3-small"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 723, "/v1/embeddings", [],
             ["text-embedding-3-small"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 1041, CHAT, [], ["gpt-4"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 1164, CHAT, [], ["gpt-4"]),
            ("examples/vector_databases/pinecone/GPT4_Retrieval_Augmentation.ipynb", 1214, CHAT, [], ["gpt-4"]),
            ("examples/vector_databases/redis/redisjson/redisjson.ipynb", 80, "/v1/embeddings", [], []),
        ],
    },
}

# A second sample (the files between those above: every 3rd from the 2nd, every 8th from the 5th),
# labelled before the scanner was run on it, after the development above was done.
HELD_OUT = {
    "openai/openai-python": {
        "commit": "e43b422412a9e96c9cc5192c61fffbe2d7e04836",
        "files": """examples/audio.py examples/bedrock.py examples/generate_file.sh examples/module_client.py
            examples/mtls_httpx2_async.py examples/parsing_stream.py examples/picture.py
            examples/realtime/push_to_talk_app.py examples/responses/background_async.py
            examples/responses/multi_agent_streaming.py examples/responses/streaming_tools.py
            examples/responses/websocket.py""".split(),
        "labels": [
            ("examples/audio.py", 15, "/v1/audio/speech", [], ["tts-1"]),
            ("examples/audio.py", 23, "/v1/audio/transcriptions", [], ["whisper-1"]),
            ("examples/audio.py", 30, "/v1/audio/translations", [], ["whisper-1"]),
            ("examples/module_client.py", 11, CHAT, [], ["gpt-4"]),
            ("examples/mtls_httpx2_async.py", 33, "/v1/files", [], []),
            ("examples/parsing_stream.py", 21, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/picture.py", 14, "/v1/images/generations", ["dalle_models"], ["dall-e-3"]),
            ("examples/realtime/push_to_talk_app.py", 160, "/v1/realtime", [], ["gpt-realtime"]),
            ("examples/responses/background_async.py", 24, R, ["background_mode"], ["gpt-4o-2024-08-06"]),
            ("examples/responses/background_async.py", 41, R, [], []),
            ("examples/responses/multi_agent_streaming.py", 18, R, [], ["gpt-5.6-sol"]),
            ("examples/responses/streaming_tools.py", 60, R, [], ["gpt-4o-2024-08-06"]),
            # The socket opened here carries turns chained with previous_response_id (line 277).
            ("examples/responses/websocket.py", 417, R, ["previous_response_id"], []),
        ],
    },
    "openai/openai-node": {
        "commit": "7b7d6ca71130d37ec09792c50056b47861f2eccf",
        "files": """examples/assistants/assistant-stream.ts examples/audio/speech-to-text.ts examples/azure/chat.ts
            examples/azure/responses.ts examples/chat-completions/chat-params-types.ts
            examples/chat-completions/function-call-stream-raw.ts examples/chat-completions/logprobs.ts
            examples/chat-completions/parsing-tools-stream.ts examples/chat-completions/stream-to-client-browser.ts
            examples/chat-completions/stream-to-client-raw.ts examples/chat-completions/tool-call-helpers.ts
            examples/chat-completions/ui-generation.ts""".split(),
        "labels": [
            ("examples/assistants/assistant-stream.ts", 17, "/v1/assistants", [], ["gpt-4o"]),
            ("examples/assistants/assistant-stream.ts", 26, "/v1/threads", [], []),
            ("examples/assistants/assistant-stream.ts", 38, "/v1/threads/runs", [], []),
            ("examples/audio/speech-to-text.ts", 11, "/v1/audio/transcriptions", [], ["whisper-1"]),
            ("examples/azure/chat.ts", 30, CHAT, [], []),
            ("examples/azure/chat.ts", 38, CHAT, [], []),
            ("examples/azure/responses.ts", 30, R, [], []),
            ("examples/azure/responses.ts", 38, R, ["previous_response_id"], []),
            ("examples/chat-completions/chat-params-types.ts", 16, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/chat-params-types.ts", 27, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/chat-params-types.ts", 60, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/chat-params-types.ts", 74, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/chat-params-types.ts", 85, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/chat-params-types.ts", 90, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/function-call-stream-raw.ts", 87, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/logprobs.ts", 9, CHAT, [], ["gpt-4"]),
            ("examples/chat-completions/parsing-tools-stream.ts", 15, CHAT, [], ["gpt-4o-2024-08-06"]),
            ("examples/chat-completions/stream-to-client-raw.ts", 157, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/stream-to-client-raw.ts", 158, CHAT, [], ["gpt-3.5-turbo"]),
            ("examples/chat-completions/tool-call-helpers.ts", 66, CHAT, [], ["gpt-4-1106-preview"]),
            ("examples/chat-completions/ui-generation.ts", 34, CHAT, [], ["gpt-4o-2024-08-06"]),
        ],
    },
    "openai/openai-agents-python": {
        "commit": "7f7a44f8dc0650296bd5ab6c745c9bcbaa6ac3b7",
        "files": """examples/agent_patterns/deterministic.py examples/agent_patterns/output_guardrails.py
            examples/basic/hello_world_gpt_oss.py examples/basic/remote_image.py examples/basic/tool_guardrails.py
            examples/financial_research_agent/agents/verifier_agent.py examples/hosted_mcp/simple.py
            examples/mcp/streamable_http_remote_example/main.py examples/memory/encrypted_session_example.py
            examples/memory/sqlalchemy_session_example.py examples/model_providers/litellm_provider.py
            examples/research_bot/agents/planner_agent.py""".split(),
        "labels": [
            ("examples/agent_patterns/deterministic.py", 51, R, [], []),
            ("examples/agent_patterns/deterministic.py", 58, R, [], []),
            ("examples/agent_patterns/deterministic.py", 76, R, [], []),
            ("examples/agent_patterns/output_guardrails.py", 63, R, [], []),
            ("examples/agent_patterns/output_guardrails.py", 68, R, [], []),
            ("examples/basic/remote_image.py", 14, R, ["image_inputs"], []),
            ("examples/basic/tool_guardrails.py", 126, R, [], []),
            ("examples/basic/tool_guardrails.py", 135, R, [], []),
            ("examples/basic/tool_guardrails.py", 145, R, [], []),
            ("examples/basic/tool_guardrails.py", 153, R, [], []),
            ("examples/hosted_mcp/simple.py", 30, R, ["remote_mcp"], []),
            ("examples/hosted_mcp/simple.py", 36, R, ["remote_mcp"], []),
            ("examples/mcp/streamable_http_remote_example/main.py", 30, R, [], []),
            ("examples/memory/encrypted_session_example.py", 42, R, [], []),
            ("examples/memory/encrypted_session_example.py", 53, R, [], []),
            ("examples/memory/encrypted_session_example.py", 60, R, [], []),
            ("examples/memory/sqlalchemy_session_example.py", 29, R, [], []),
            ("examples/memory/sqlalchemy_session_example.py", 40, R, [], []),
            ("examples/memory/sqlalchemy_session_example.py", 47, R, [], []),
        ],
    },
    # Every 12th file mentioning OpenAI from the 7th (the files between the development sample's). The
    # scanner had been run over the whole cookbook while it was studied, but these labels were written
    # from the files before the scanner's findings on them were compared. Framework objects (LangChain
    # models, the Agents SDK's VoicePipeline) are labelled where they are built; the Weaviate notebook
    # has OpenAI called by the Weaviate server, not by its code, so it has no label.
    "openai/openai-cookbook": {
        "commit": "65d3db5684e48c0f18188b509ab8a82feaf55e31",
        "snapshots": ["openai/openai-cookbook", "elcidspain/openai-cookbook"],
        "files": """examples/Build_a_coding_agent_with_GPT-5.1.ipynb
            examples/Developing_hallucination_guardrails.ipynb
            examples/Generate_Images_With_GPT_Image.ipynb
            examples/How_to_use_moderation.ipynb
            examples/RAG_with_graph_db.ipynb
            examples/Structured_Outputs_Intro.ipynb
            examples/Whisper_processing_guide.ipynb
            examples/agents_sdk/sandboxed-code-migration/repo_fixtures/case_summary_service/tests/test_client.py
            examples/azure/archive/embeddings.ipynb
            examples/chatgpt/gpt_actions_library/.gpt_action_getting_started.ipynb
            examples/chatgpt/gpt_actions_library/gpt_action_sharepoint_doc.ipynb
            examples/chatgpt/rag-quickstart/pinecone-retool/gpt-action-pinecone-retool-rag.ipynb
            examples/evals/imagegen_evals/generation_harness/run_imagegen_evals.py
            examples/evaluation/How_to_evaluate_LLMs_for_SQL_generation.ipynb
            examples/fine-tuned_qa/ft_retrieval_augmented_generation_qdrant.ipynb
            examples/gpt-5/prompt-optimization-cookbook.ipynb
            examples/multimodal/Vision_Fine_tuning_on_GPT4o_for_Visual_Question_Answering.ipynb
            examples/object_oriented_agentic_approach/resources/object_oriented_agents/core_classes/tool_interface.py
            examples/partners/mcp_powered_voice_agents/mcp_powered_agents_cookbook.ipynb
            examples/stripe_model_eval/selecting_a_model_based_on_stripe_conversion.ipynb
            examples/vector_databases/analyticdb/QA_with_Langchain_AnalyticDB_and_OpenAI.ipynb
            examples/vector_databases/milvus/Filtered_search_with_Milvus_and_OpenAI.ipynb
            examples/vector_databases/qdrant/QA_with_Langchain_Qdrant_and_OpenAI.ipynb
            examples/vector_databases/weaviate/generative-search-with-weaviate-and-openai.ipynb""".split(),
        "labels": [
            *_on("examples/Build_a_coding_agent_with_GPT-5.1.ipynb",
                 (307, R, ["web_search_live"], ["gpt-5.1"]),
                 (1059, R, ["remote_mcp", "web_search_live"], ["gpt-5.1"])),
            *_on("examples/Developing_hallucination_guardrails.ipynb",
                 (154, CHAT, [], ["gpt-4o"]),
                 (357, CHAT, [], ["gpt-4o"]),
                 (837, CHAT, [], ["gpt-4o"])),
            *_on("examples/Generate_Images_With_GPT_Image.ipynb",
                 (132, "/v1/images/generations", [], ["gpt-image-1"]),
                 (211, "/v1/images/generations", [], ["gpt-image-1"]),
                 (287, "/v1/images/generations", [], ["gpt-image-1"]),
                 (384, "/v1/images/edits", ["image_inputs"], ["gpt-image-1"]),
                 (474, "/v1/images/edits", ["image_inputs"], ["gpt-image-1"]),
                 (590, "/v1/images/edits", ["image_inputs"], ["gpt-image-1"])),
            *_on("examples/How_to_use_moderation.ipynb",
                 (91, "/v1/moderations", [], []),
                 (101, CHAT, [], ["gpt-4o-mini"]),
                 (195, "/v1/moderations", ["image_inputs"], ["omni-moderation-latest"]),
                 (455, CHAT, [], ["gpt-4o-mini"])),
            *_on("examples/RAG_with_graph_db.ipynb",
                 (417, E, [], ["text-embedding-3-small"]),
                 (437, E, [], ["text-embedding-3-small"]),
                 (480, CHAT, [], []),
                 (633, CHAT, [], []),
                 (715, E, [], ["text-embedding-3-small"]),
                 (1233, CHAT, [], ["gpt-4o"])),
            *_on("examples/Structured_Outputs_Intro.ipynb",
                 (110, CHAT, [], ["gpt-4o-2024-08-06"]),
                 (349, CHAT, [], ["gpt-4o-2024-08-06"]),
                 (513, CHAT, [], ["gpt-4o-2024-08-06"]),
                 (712, CHAT, [], ["gpt-4o-2024-08-06"])),
            *_on("examples/Whisper_processing_guide.ipynb",
                 (137, "/v1/audio/transcriptions", [], ["whisper-1"]),
                 (184, CHAT, [], ["gpt-3.5-turbo"]),
                 (233, CHAT, [], ["gpt-4"])),
            *_on("examples/azure/archive/embeddings.ipynb",
                 (246, E, [], [])),
            *_on("examples/chatgpt/rag-quickstart/pinecone-retool/gpt-action-pinecone-retool-rag.ipynb",
                 (126, E, [], ["text-embedding-3-large"])),
            *_on("examples/evals/imagegen_evals/generation_harness/run_imagegen_evals.py",
                 (295, R, ["image_inputs"], [])),
            *_on("examples/evaluation/How_to_evaluate_LLMs_for_SQL_generation.ipynb",
                 (297, CHAT, [], ["gpt-4o"]),
                 (728, CHAT, [], ["gpt-4o-mini"])),
            *_on("examples/fine-tuned_qa/ft_retrieval_augmented_generation_qdrant.ipynb",
                 (271, CHAT, [], []),
                 (563, "/v1/files", [], []),
                 (575, "/v1/fine_tuning/jobs", [], []),
                 (584, "/v1/fine_tuning/jobs", [], []),
                 (591, "/v1/fine_tuning/jobs", [], []),
                 (640, CHAT, [], []),
                 (1255, CHAT, [], [])),
            *_on("examples/gpt-5/prompt-optimization-cookbook.ipynb",
                 (736, R, [], []),
                 (752, R, [], [])),
            *_on("examples/multimodal/Vision_Fine_tuning_on_GPT4o_for_Visual_Question_Answering.ipynb",
                 (575, "/v1/files", [], []),
                 (581, "/v1/files", [], []),
                 (617, "/v1/fine_tuning/jobs", [], ["gpt-4o-2024-08-06"]),
                 (664, CHAT, ["image_inputs", "store_true"], []),
                 (872, CHAT, [], ["gpt-4o"])),
            *_on("examples/partners/mcp_powered_voice_agents/mcp_powered_agents_cookbook.ipynb",
                 (510, "/v1/audio/transcriptions", [], []),
                 (510, R, [], ["gpt-4.1-mini"]),
                 (510, "/v1/audio/speech", [], [])),
            *_on("examples/vector_databases/analyticdb/QA_with_Langchain_AnalyticDB_and_OpenAI.ipynb",
                 (251, E, [], []),
                 (273, "/v1/completions", [], [])),
            *_on("examples/vector_databases/milvus/Filtered_search_with_Milvus_and_OpenAI.ipynb",
                 (295, E, [], ["text-embedding-3-small"])),
            *_on("examples/vector_databases/qdrant/QA_with_Langchain_Qdrant_and_OpenAI.ipynb",
                 (305, E, [], []),
                 (329, "/v1/completions", [], [])),
        ],
    },
    # The Vercel AI SDK's examples that import `@ai-sdk/openai` (or a sibling package), every 25th in path
    # order from the 1st, labelled from the files before the scanner ran on them. A provider model is
    # labelled where it is made (`openai("gpt-5-mini")`), with the hosted tools and provider options of
    # the request it is made in; `openai(...)` is the Responses API in this version (AI SDK 7, provider
    # 4.0.46), `openai.translation(...)` a Realtime translation session. A provider pointed at a local
    # mock server, or `@ai-sdk/openai-compatible` at Google, is not OpenAI.
    "vercel/ai": {
        "commit": "ed857f50f112e23930b0c2dd8d532cc8bebbc911",
        "files": """examples/ai-e2e-next/agent/openai/apply-patch-agent.ts
            examples/ai-e2e-next/app/api/chat/mcp-elicitation/route.ts
            examples/ai-e2e-next/app/api/stream-translate/openai/route.ts
            examples/ai-e2e-next/tool/generate-image-tool.ts
            examples/ai-functions/src/agent/openai/stream.ts
            examples/ai-functions/src/generate-image/openai/gpt-image-2-output.ts
            examples/ai-functions/src/generate-text/openai/compatible-google-thought-signatures.ts
            examples/ai-functions/src/generate-text/openai/include-request-messages.ts
            examples/ai-functions/src/generate-text/openai/pdf.ts
            examples/ai-functions/src/generate-text/openai/responses-mcp-tool.ts
            examples/ai-functions/src/generate-text/openai/store-generation.ts
            examples/ai-functions/src/middleware/default-instructions.ts
            examples/ai-functions/src/stream-text/openai/code-interpreter-tool.ts
            examples/ai-functions/src/stream-text/openai/image-generation-tool.ts
            examples/ai-functions/src/stream-text/openai/output-object.ts
            examples/ai-functions/src/stream-text/openai/responses-reasoning-id-rotation.ts
            examples/ai-functions/src/stream-text/openai/tool-approval.ts
            examples/ai-functions/src/telemetry/otel/generate-text-output-object.ts
            examples/hono/src/openai-web-search-agent.ts
            examples/next-openai-telemetry/app/api/text/route.ts""".split(),
        "labels": [
            ("examples/ai-e2e-next/agent/openai/apply-patch-agent.ts", 23, R, [], ["gpt-5.6"]),
            ("examples/ai-e2e-next/app/api/chat/mcp-elicitation/route.ts", 85, R, [], ["gpt-4o-mini"]),
            *_on("examples/ai-e2e-next/app/api/stream-translate/openai/route.ts",
                 (53, "/v1/audio/speech", [], ["tts-1"]),
                 (60, "/v1/realtime", [], ["gpt-realtime-translate"])),
            ("examples/ai-e2e-next/tool/generate-image-tool.ts", 10, "/v1/images/generations", [], ["gpt-image-2"]),
            ("examples/ai-functions/src/agent/openai/stream.ts", 6, R, [], ["gpt-5.6"]),
            ("examples/ai-functions/src/generate-image/openai/gpt-image-2-output.ts", 8, "/v1/images/generations", [],
             ["gpt-image-2"]),
            ("examples/ai-functions/src/generate-text/openai/include-request-messages.ts", 8, R, [], ["gpt-5-nano"]),
            ("examples/ai-functions/src/generate-text/openai/pdf.ts", 8, R, ["file_inputs"], ["gpt-4o"]),
            ("examples/ai-functions/src/generate-text/openai/responses-mcp-tool.ts", 7, R, ["remote_mcp"],
             ["gpt-5-mini"]),
            ("examples/ai-functions/src/generate-text/openai/store-generation.ts", 10, R, ["store_true"],
             ["gpt-4o-mini"]),
            ("examples/ai-functions/src/middleware/default-instructions.ts", 11, R, [], ["gpt-4o-mini"]),
            ("examples/ai-functions/src/stream-text/openai/code-interpreter-tool.ts", 7, R, ["hosted_containers"],
             ["gpt-5-nano"]),
            ("examples/ai-functions/src/stream-text/openai/image-generation-tool.ts", 9, R, ["image_generation"],
             ["gpt-5.6"]),
            ("examples/ai-functions/src/stream-text/openai/output-object.ts", 13, R, [], ["gpt-4o-mini"]),
            ("examples/ai-functions/src/stream-text/openai/tool-approval.ts", 43, R, [], ["gpt-5.4-mini"]),
            ("examples/ai-functions/src/telemetry/otel/generate-text-output-object.ts", 20, R, [], ["gpt-4o-mini"]),
            ("examples/hono/src/openai-web-search-agent.ts", 8, R, ["web_search_live"], ["gpt-5-mini"]),
            ("examples/next-openai-telemetry/app/api/text/route.ts", 8, R, [], ["gpt-5-mini"]),
        ],
    },
}
