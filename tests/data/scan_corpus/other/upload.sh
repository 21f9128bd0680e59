#!/usr/bin/env bash
# Upload tonight's requests and start a batch.
set -euo pipefail
# curl https://api.openai.com/v1/responses  (kept for reference, not run)
file_id=$(curl -s https://api.openai.com/v1/files \
  -H "Authorization: Bearer $OPENAI_API_KEY" -F purpose=batch -F file=@requests.jsonl | jq -r .id)
curl -s https://api.openai.com/v1/batches -H "Authorization: Bearer $OPENAI_API_KEY" \
  -d "{\"input_file_id\": \"$file_id\", \"endpoint\": \"/v1/chat/completions\", \"completion_window\": \"24h\"}"
