package example;

import java.net.URI;
import java.net.http.HttpRequest;

public class Speech {
    public HttpRequest request(String json) {
        return HttpRequest.newBuilder(URI.create("https://api.openai.com/v1/audio/speech"))
            .header("Authorization", "Bearer " + System.getenv("OPENAI_API_KEY"))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    }
}
