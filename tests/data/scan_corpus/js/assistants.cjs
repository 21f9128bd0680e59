const OpenAI = require("openai");
const fs = require("fs");

const client = new OpenAI();

async function setUp(paths) {
  const store = await client.vectorStores.create({ name: "docs" });
  await client.vectorStores.fileBatches.uploadAndPoll(store.id, { files: paths.map((p) => fs.createReadStream(p)) });
  return client.beta.assistants.create({
    model: "gpt-4o",
    tools: [{ type: "file_search" }],
    tool_resources: { file_search: { vector_store_ids: [store.id] } },
  });
}

async function ask(assistantId, question) {
  const thread = await client.beta.threads.create({ messages: [{ role: "user", content: question }] });
  const run = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
  return client.beta.threads.messages.list(run.thread_id);
}

async function train(path) {
  const file = await client.files.create({ file: fs.createReadStream(path), purpose: "fine-tune" });
  return client.fineTuning.jobs.create({ model: "gpt-4o-mini-2024-07-18", training_file: file.id });
}

async function nightly(fileId) {
  return client.batches.create({ input_file_id: fileId, endpoint: "/v1/responses", completion_window: "24h" });
}

module.exports = { setUp, ask, train, nightly };
