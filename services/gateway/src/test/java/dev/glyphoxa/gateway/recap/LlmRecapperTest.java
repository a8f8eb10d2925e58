package dev.glyphoxa.gateway.recap;

import dev.glyphoxa.fakes.FakeChatServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmRecapperTest {

    static final String KEY = "sk-test-4f9a2c7d1e";

    private final JsonMapper json = JsonMapper.createDefault();
    private FakeChatServer server;
    private LlmRecapper recapper;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        if (recapper != null) {
            recapper.close();
        }
        server.close();
    }

    private LlmRecapper recapper(RecapSettings settings) {
        recapper = new LlmRecapper(settings, json);
        return recapper;
    }

    private RecapSettings settings(String apiKey) {
        return RecapSettings.defaults().withLlm(server.baseUrl(), "fake-model", apiKey, Duration.ofSeconds(10));
    }

    private JsonNode sentBody() throws Exception {
        return json.readValue(server.received().getFirst().body(), JsonNode.class);
    }

    private static String message(JsonNode body, int i) {
        return body.get("messages").get(i).get("content").getStringValue();
    }

    @Test
    void sendsANonStreamingChatCompletionWithTheTranscriptAndReturnsTheAnswer() throws Exception {
        server.content("  The party arrived at the Rusty Anchor and learned that the map had been stolen.\n");

        Recap recap = recapper(settings(KEY)).recap(TavernScene.request());

        assertThat(recap.text()).isEqualTo("The party arrived at the Rusty Anchor and learned that the map had been stolen.");
        assertThat(recap.method()).isEqualTo(Recap.LLM);
        assertThat(recap.linesConsidered()).isEqualTo(30);
        assertThat(recap.fallbackReason()).isNull();

        FakeChatServer.Received r = server.received().getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(r.contentType()).startsWith("application/json");

        JsonNode body = sentBody();
        assertThat(body.get("model").getStringValue()).isEqualTo("fake-model");
        assertThat(body.get("stream").getBooleanValue()).isFalse();
        assertThat(body.get("temperature").getDoubleValue()).isEqualTo(LlmRecapper.TEMPERATURE);
        assertThat(body.get("messages").size()).isEqualTo(2);
        assertThat(body.get("messages").get(0).get("role").getStringValue()).isEqualTo("system");
        assertThat(message(body, 0)).contains("past tense", "third person", "paragraphs",
                "only facts stated in the transcript");
        assertThat(body.get("messages").get(1).get("role").getStringValue()).isEqualTo("user");
        assertThat(message(body, 1)).contains("Campaign: Shadows over Thornbury",
                "Players: Bram, Elara, Tobin", "NPCs: Grimjaw, Mara",
                "\nElara: Okay, we walk into the tavern.\n",
                "\nGrimjaw: Stolen? In my inn? That map shows the way to the Sunken Vault of Korrath.\n",
                "\nBram: Mhm.\n")
                .endsWith("\nGrimjaw: Bring my cousin back alive, and the first round is on the house.")
                .doesNotContain("left out");
    }

    @Test
    void withoutAKeyNoAuthorizationHeaderIsSent() {
        recapper(settings(null)).recap(TavernScene.request());

        assertThat(server.received().getFirst().authorization()).isNull();
    }

    @Test
    void aTranscriptOverBudgetKeepsTheMostRecentLines() throws Exception {
        int budget = 300;
        recapper(settings(KEY).withMaxTranscriptChars(budget)).recap(TavernScene.request());

        String user = message(sentBody(), 1);
        String transcript = user.substring(user.indexOf("Transcript, in speaking order:\n") + 31);
        String[] parts = transcript.split("\n", 2);
        assertThat(parts[0]).matches("\\[\\d+ earlier turns left out for length]");
        String kept = parts[1];
        List<String> spoken = Turn.of(TavernScene.lines()).stream().map(Turn::render).toList();
        int first = spoken.indexOf(kept.substring(0, kept.indexOf('\n')));
        assertThat(first).isPositive();
        assertThat(kept).isEqualTo(String.join("\n", spoken.subList(first, spoken.size())))
                .hasSizeLessThanOrEqualTo(budget)
                .doesNotContain("stole the map");
        assertThat(spoken.get(first - 1).length() + 1 + kept.length()).as("one more turn would not fit")
                .isGreaterThan(budget);
        assertThat(parts[0]).isEqualTo("[" + first + " earlier turns left out for length]");
        assertThat(user).contains("NPCs: Grimjaw, Mara"); // who took part still covers the whole session
    }

    @Test
    void aLatestTurnLongerThanTheBudgetIsSentAsItsEnd() throws Exception {
        String monologue = "Listen well. " + "The drowned king sleeps beneath the lake. ".repeat(20) + "Go now.";
        List<RecapLine> lines = new TavernScene.Builder().player("Elara", "Tell us.").npc("Grimjaw", monologue).lines;

        Recap recap = recapper(settings(KEY).withMaxTranscriptChars(200))
                .recap(new RecapRequest("Thornbury", lines, null, null));

        String user = message(sentBody(), 1);
        String last = user.substring(user.lastIndexOf('\n') + 1);
        assertThat(last).startsWith(Texts.ELLIPSIS).endsWith("Go now.").hasSizeLessThanOrEqualTo(200);
        assertThat(user).contains("[1 earlier turn left out for length]").doesNotContain("Tell us.");
        assertThat(recap.linesConsidered()).isEqualTo(1);
    }

    @Test
    void http500IsAFailureNamingTheStatusAndTheServersMessage() {
        server.error(500, "The server had an error while processing your request.");

        assertThatThrownBy(() -> recapper(settings(KEY)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("The server had an error");
    }

    @Test
    void http401NeverPutsTheKeyInTheMessage() {
        server.error(401, "Incorrect API key provided: " + KEY + ". You can find your API key at "
                + "https://platform.openai.com/account/api-keys.");

        assertThatThrownBy(() -> recapper(settings(KEY)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided")
                .message().doesNotContain(KEY);
    }

    @Test
    void aKeyThatIsNoValidHeaderValueIsRefusedWithoutQuotingIt() {
        String key = "sk-line1\nline2";

        assertThatThrownBy(() -> recapper(settings(key)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasNoCause()
                .message().contains("not a valid HTTP header value").doesNotContain("sk-line1", "line2");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.mode(FakeChatServer.Mode.HANG);
        RecapSettings settings = RecapSettings.defaults().withLlm(server.baseUrl(), "fake-model", KEY,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> recapper(settings).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void aRefusedConnectionIsAFailure() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RecapSettings settings = RecapSettings.defaults().withLlm("http://127.0.0.1:" + port + "/v1", "fake-model",
                KEY, Duration.ofSeconds(5));

        assertThatThrownBy(() -> recapper(settings).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("cannot connect to http://127.0.0.1:" + port + "/v1/chat/completions");
    }

    @Test
    void aBodyThatIsNotJsonIsAFailure() {
        server.mode(FakeChatServer.Mode.GARBAGE);

        assertThatThrownBy(() -> recapper(settings(KEY)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void emptyContentIsAFailure() {
        server.mode(FakeChatServer.Mode.EMPTY_CONTENT);

        assertThatThrownBy(() -> recapper(settings(KEY)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("empty recap");
    }

    @Test
    void aCompletionWithoutChoicesIsAFailure() {
        server.mode(FakeChatServer.Mode.NO_CHOICES);

        assertThatThrownBy(() -> recapper(settings(KEY)).recap(TavernScene.request()))
                .isInstanceOf(RecapException.class)
                .hasMessageContaining("without choices[0].message.content");
    }

    @Test
    void theEndpointIsTheBaseUrlWithChatCompletionsOnce() {
        assertThat(LlmRecapper.endpoint("http://localhost:11434/v1/").toString())
                .isEqualTo("http://localhost:11434/v1/chat/completions");
        assertThat(LlmRecapper.endpoint("https://api.example.com/v1/chat/completions").toString())
                .isEqualTo("https://api.example.com/v1/chat/completions");
        assertThatThrownBy(() -> LlmRecapper.endpoint("localhost:11434"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
