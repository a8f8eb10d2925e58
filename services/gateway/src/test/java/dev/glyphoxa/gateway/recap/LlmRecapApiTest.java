package dev.glyphoxa.gateway.recap;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.fakes.FakeChatServer;
import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.gateway.TestData;
import dev.glyphoxa.gateway.session.SessionStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway with a language model configured: a local fake OpenAI-compatible server. */
@MicronautTest(transactional = false)
class LlmRecapApiTest extends GatewayStack {

    static final String SUMMARY = "The party asked Elara about the Tidecaller Pearl and learned the Tide Lords hold it.";

    final FakeChatServer llm = start();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("glyphoxa.recap.llm-provider", "openai");
        properties.put("glyphoxa.recap.llm-base-url", llm.baseUrl());
        properties.put("glyphoxa.recap.llm-model", "fake-model");
        properties.put("glyphoxa.recap.llm-api-key", "sk-test-recap-key");
        return properties;
    }

    @AfterAll
    void stop() {
        llm.close();
    }

    @Test
    void theLanguageModelSummarisesTheStoredTranscript() {
        llm.content(SUMMARY);
        SessionStatus session = TestData.startSession(http, TestData.importExample(http).id());
        String id = session.sessionId().toString();
        produce(Topics.TRANSCRIPTS.name(), id, Topics.TRANSCRIPTS.valueSerde().encode(
                TestData.transcript(id, "u-llm", "Elara, who has the Tidecaller Pearl?", System.currentTimeMillis())));
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ?", session.sessionId()) == 1))
                .isTrue();

        RecapService.SessionRecap recap = http.retrieve(HttpRequest.GET("/api/sessions/" + id + "/recap"),
                RecapService.SessionRecap.class);

        assertThat(recap.recap().method()).isEqualTo(Recap.LLM);
        assertThat(recap.recap().text()).isEqualTo(SUMMARY);
        FakeChatServer.Received request = llm.received().getLast();
        assertThat(request.authorization()).isEqualTo("Bearer sk-test-recap-key");
        assertThat(request.body()).contains("fake-model", "Elara, who has the Tidecaller Pearl?", "The Rusty Anchor");
    }

    @Test
    void aFailingModelFallsBackToTheExtractiveRecap() {
        llm.error(500, "overloaded");
        SessionStatus session = TestData.startSession(http, TestData.importExample(http).id());
        String id = session.sessionId().toString();
        produce(Topics.TRANSCRIPTS.name(), id, Topics.TRANSCRIPTS.valueSerde().encode(
                TestData.transcript(id, "u-fail", "We sail for the Sunken Mine at dawn.", System.currentTimeMillis())));
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ?", session.sessionId()) == 1))
                .isTrue();

        RecapService.SessionRecap recap = http.retrieve(HttpRequest.GET("/api/sessions/" + id + "/recap"),
                RecapService.SessionRecap.class);

        assertThat(recap.recap().method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.recap().fallbackReason()).contains("500");
        assertThat(recap.recap().text()).contains("Sunken Mine");
    }

    private static FakeChatServer start() {
        try {
            return new FakeChatServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
