package llm

import (
	"bytes"
	"net/http"
	"os"
)

const chatURL = "https://api.openai.com/v1/chat/completions"

// Transcribe posts audio to https://api.openai.com/v1/audio/transcriptions (the line below does it).
func Transcribe(body *bytes.Buffer) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://api.openai.com/v1/audio/transcriptions", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("OPENAI_API_KEY"))
	return http.DefaultClient.Do(req)
}

func Local() string {
	return "http://localhost:8080/v1/chat/completions"
}
