package dev.glyphoxa.llm.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.fakes.FakeChatServer;
import dev.glyphoxa.llm.Campaigns;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.ResponderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiResponderTest {

    private FakeChatServer server;
    private OpenAiResponder responder;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiResponder responder(String apiKey, Duration readTimeout) {
        responder = new OpenAiResponder(new OpenAiResponder.Config(server.baseUrl(), "fake-model", apiKey,
                Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(20), 150, 0.7));
        return responder;
    }

    static ReplyRequest request() {
        return new ReplyRequest("Shadows over Thornbury", Campaigns.grimjaw(),
                List.of(Campaigns.entities().getFirst()),
                List.of(new ReplyRequest.Line("player-1", null, "Hello, smith."),
                        new ReplyRequest.Line("Grimjaw", "npc-grimjaw", "Hmph. What do you want?"),
                        new ReplyRequest.Line("Mara Quickfoot", "npc-mara", "Be nice to our guests, Grimjaw!")),
                "player-1", "What do you know about the old mine?");
    }

    @Test
    void streamsTheDeltasOfAChunkedEventStreamAndSendsAProperRequest() throws Exception {
        server.chunks("Aye", ", the mi", "ne is cursed.", " Stay away!");
        List<String> deltas = new ArrayList<>();
        responder("sk-test-123", Duration.ofSeconds(5)).reply(request(), deltas::add);

        assertThat(deltas).containsExactly("Aye", ", the mi", "ne is cursed.", " Stay away!");
        FakeChatServer.Received r = server.received().getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.authorization()).isEqualTo("Bearer sk-test-123");
        assertThat(r.contentType()).startsWith("application/json");

        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("model").asText()).isEqualTo("fake-model");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(150);
        JsonNode messages = body.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        String system = messages.get(0).get("content").asText();
        assertThat(system).contains("You are Grimjaw", "gruff dwarven blacksmith", "Shadows over Thornbury",
                "The Old Mine (location): " + Campaigns.MINE_DESCRIPTION, "Stay in character",
                "1 to 3 short spoken sentences", "No stage directions", "no name label");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("Hello, smith.");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Hmph. What do you want?");
        assertThat(messages.get(3).get("content").asText()).isEqualTo("(Mara Quickfoot says) Be nice to our guests, Grimjaw!");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asText()).isEqualTo("user");
        assertThat(last.get("content").asText()).isEqualTo("What do you know about the old mine?");
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutAKey() {
        List<String> deltas = new ArrayList<>();
        responder(null, Duration.ofSeconds(5)).reply(request(), deltas::add);
        assertThat(String.join("", deltas)).isEqualTo("Hello there.");
        assertThat(server.received().getFirst().authorization()).isNull();
    }

    @Test
    void aStreamLongerThanTheReadTimeoutIsFineWhileDataKeepsComing() {
        server.chunks("One.", " Two.", " Three.", " Four.", " Five.").gapMs(250);
        List<String> deltas = new ArrayList<>();
        responder(null, Duration.ofMillis(1000)).reply(request(), deltas::add);
        assertThat(String.join("", deltas)).isEqualTo("One. Two. Three. Four. Five.");
    }

    @Test
    void anEndpointThatIgnoresStreamingStillAnswers() {
        server.mode(FakeChatServer.Mode.JSON).chunks("Aye, whole at once.");
        List<String> deltas = new ArrayList<>();
        responder(null, Duration.ofSeconds(5)).reply(request(), deltas::add);
        assertThat(deltas).containsExactly("Aye, whole at once.");
    }

    @Test
    void anHttpErrorSaysWhichStatusAndWhatTheServerSaid() {
        server.mode(FakeChatServer.Mode.ERROR_500);
        assertThatThrownBy(() -> responder("k", Duration.ofSeconds(5)).reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("The model is overloaded");
    }

    @Test
    void aRefusedKeySaysWhatTheServerSaid() {
        server.error(401, "Incorrect API key provided.");
        assertThatThrownBy(() -> responder("k", Duration.ofSeconds(5)).reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided.");
    }

    @Test
    void aHangingServerTimesOut() {
        server.mode(FakeChatServer.Mode.HANG);
        assertThatThrownBy(() -> responder("k", Duration.ofMillis(300)).reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("no response headers")
                .hasMessageContaining("300 ms");
    }

    @Test
    void aStreamThatStallsTimesOutAfterDeliveringWhatArrived() {
        server.mode(FakeChatServer.Mode.STALL).chunks("Aye, the mine", " is cursed.");
        List<String> deltas = new ArrayList<>();
        assertThatThrownBy(() -> responder("k", Duration.ofMillis(300)).reply(request(), deltas::add))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("reply stream stalled");
        assertThat(deltas).containsExactly("Aye, the mine", " is cursed.");
    }

    @Test
    void linesThatAreNotServerSentEventsAreRejected() {
        server.mode(FakeChatServer.Mode.GARBAGE);
        assertThatThrownBy(() -> responder("k", Duration.ofSeconds(5)).reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("not a server-sent event line")
                .hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void dataThatIsNotJsonIsRejected() {
        server.mode(FakeChatServer.Mode.GARBAGE_DATA);
        assertThatThrownBy(() -> responder("k", Duration.ofSeconds(5)).reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("this is not json");
    }

    @Test
    void anEndpointNobodyListensOnSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        responder = new OpenAiResponder(new OpenAiResponder.Config("http://127.0.0.1:" + port + "/v1/", "m", null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 0, null));
        assertThat(responder.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port + "/v1/chat/completions");
        assertThatThrownBy(() -> responder.reply(request(), d -> { }))
                .isInstanceOf(ResponderException.class)
                .hasMessageContaining("cannot connect to http://127.0.0.1:" + port);
    }

    @Test
    void aModelNameIsRequired() {
        assertThatThrownBy(() -> new OpenAiResponder.Config("http://x/v1", " ", null, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, null))
                .hasMessageContaining("glyphoxa.llm.model");
    }
}
