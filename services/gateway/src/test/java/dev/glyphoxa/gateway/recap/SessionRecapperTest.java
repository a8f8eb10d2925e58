package dev.glyphoxa.gateway.recap;

import dev.glyphoxa.fakes.FakeChatServer;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRecapperTest {

    private static final String KEY = LlmRecapperTest.KEY;

    private FakeChatServer server;
    private SessionRecapper recapper;

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

    private SessionRecapper recapper(RecapSettings settings) {
        recapper = new SessionRecapper(settings, JsonMapper.createDefault());
        return recapper;
    }

    private SessionRecapper withLlm(Duration timeout) {
        return recapper(RecapSettings.defaults().withLlm(server.baseUrl(), "fake-model", KEY, timeout));
    }

    private static String extractive() {
        return new ExtractiveRecapper().recap(TavernScene.request()).text();
    }

    private void assertFellBack(Recap recap, String reasonPart) {
        assertThat(recap.method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.text()).isEqualTo(extractive());
        assertThat(recap.linesConsidered()).isEqualTo(30);
        assertThat(recap.fallbackReason()).contains(reasonPart).doesNotContain(KEY);
    }

    @Test
    void withoutALanguageModelTheRecapIsExtractive() {
        Recap recap = recapper(RecapSettings.defaults()).recap(TavernScene.request());

        assertThat(recap.method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.text()).isEqualTo(extractive());
        assertThat(recap.fallbackReason()).isNull();
    }

    @Test
    void withALanguageModelItsRecapIsUsed() {
        server.content("The party learned at the Rusty Anchor that the map to the Sunken Vault had been stolen.");

        Recap recap = withLlm(Duration.ofSeconds(10)).recap(TavernScene.request());

        assertThat(recap).isEqualTo(new Recap(
                "The party learned at the Rusty Anchor that the map to the Sunken Vault had been stolen.",
                Recap.LLM, 30, null));
    }

    @Test
    void formattingNoiseAroundTheModelsRecapIsRemoved() {
        server.content("\"## Session Recap\n\n**Elara** told Grimjaw that her map was stolen.\n\n\n"
                + "The party offered 50 gold.\"");

        Recap recap = withLlm(Duration.ofSeconds(10)).recap(TavernScene.request());

        assertThat(recap.text()).isEqualTo("Elara told Grimjaw that her map was stolen.\n\nThe party offered 50 gold.");
        assertThat(recap.method()).isEqualTo(Recap.LLM);
    }

    @Test
    void aModelAnsweringOnlyFormattingFallsBack() {
        server.content("# Recap\n\n---\n");

        assertFellBack(withLlm(Duration.ofSeconds(10)).recap(TavernScene.request()), "only formatting");
    }

    @Test
    void anEmptySessionDoesNotAskTheModel() {
        Recap recap = withLlm(Duration.ofSeconds(10)).recap(new RecapRequest("Thornbury", List.of(), null, null));

        assertThat(recap.text()).isEqualTo("Nothing was said in this session of \"Thornbury\" yet.");
        assertThat(recap.fallbackReason()).isNull();
        assertThat(server.received()).isEmpty();
    }

    @Test
    void http500FallsBack() {
        server.error(500, "The model is overloaded.");

        assertFellBack(withLlm(Duration.ofSeconds(10)).recap(TavernScene.request()), "HTTP 500");
    }

    @Test
    void http401FallsBackWithoutTheKeyInTheReason() {
        server.error(401, "Incorrect API key provided: " + KEY + ".");

        assertFellBack(withLlm(Duration.ofSeconds(10)).recap(TavernScene.request()), "HTTP 401");
    }

    @Test
    void aServerThatNeverAnswersFallsBackAfterTheTimeout() {
        server.mode(FakeChatServer.Mode.HANG);

        assertFellBack(withLlm(Duration.ofMillis(300)).recap(TavernScene.request()), "did not answer within 300 ms");
    }

    @Test
    void aBodyThatIsNotJsonFallsBack() {
        server.mode(FakeChatServer.Mode.GARBAGE);

        assertFellBack(withLlm(Duration.ofSeconds(10)).recap(TavernScene.request()), "not JSON");
    }

    @Test
    void emptyContentFallsBack() {
        server.mode(FakeChatServer.Mode.EMPTY_CONTENT);

        assertFellBack(withLlm(Duration.ofSeconds(10)).recap(TavernScene.request()), "empty recap");
    }
}
