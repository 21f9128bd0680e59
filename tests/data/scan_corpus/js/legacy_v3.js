const { Configuration, OpenAIApi } = require("openai");

const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const openai = new OpenAIApi(configuration);

async function complete(prompt) {
  const result = await openai.createChatCompletion({ model: "gpt-3.5-turbo", messages: [{ role: "user", content: prompt }] });
  return result.data.choices[0].message.content;
}

async function picture(prompt) {
  return openai.createImage({ prompt, n: 1, size: "512x512" });
}

module.exports = { complete, picture };
