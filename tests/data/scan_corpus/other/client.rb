require "net/http"
require "json"

class Embedder
  ENDPOINT = URI("https://api.openai.com/v1/embeddings")

  def embed(text)
    Net::HTTP.post(ENDPOINT, { model: "text-embedding-3-small", input: text }.to_json,
                   "Authorization" => "Bearer #{ENV.fetch('OPENAI_API_KEY')}")
  end
end
