package dev.glyphoxa.gateway.recap;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings bind from the application.yml lines proposed for {@code glyphoxa.recap}, and the service injects. */
class RecapBeansTest {

    /** The proposed application.yml lines, with none of the GLYPHOXA_LLM_* variables set. */
    private static final Map<String, Object> PROPOSED_YML = Map.of(
            "glyphoxa.recap.llm-provider", "${GLYPHOXA_LLM_PROVIDER_UNSET_IN_TEST:offline}",
            "glyphoxa.recap.llm-base-url", "${GLYPHOXA_LLM_BASE_URL_UNSET_IN_TEST:}",
            "glyphoxa.recap.llm-model", "${GLYPHOXA_LLM_MODEL_UNSET_IN_TEST:gpt-4o-mini}",
            "glyphoxa.recap.llm-api-key", "${GLYPHOXA_LLM_API_KEY_UNSET_IN_TEST:}");

    /** The gateway's database and Kafka beans start with the context; recaps need neither. */
    private static final Map<String, Object> WITHOUT_INFRASTRUCTURE = Map.of(
            // JDBC_URL has no default; port 1 on loopback never answers, so nothing is reached by accident.
            "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none",
            "datasources.default.initialization-fail-timeout", "-1",
            "flyway.enabled", "false",
            "kafka.enabled", "false");

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder().properties(WITHOUT_INFRASTRUCTURE).properties(properties).start();
    }

    @Test
    void withTheSharedVariablesUnsetRecapsAreExtractive() {
        try (ApplicationContext ctx = context(PROPOSED_YML)) {
            RecapSettings s = ctx.getBean(RecapSettings.class);

            assertThat(s.llmEnabled()).isFalse();
            assertThat(s.llmModel()).isEqualTo("gpt-4o-mini");
            assertThat(s.llmApiKey()).isNull();
            assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(s.maxLines()).isEqualTo(8);
            assertThat(s.maxTranscriptChars()).isEqualTo(24_000);
            assertThat(ctx.getBean(SessionRecapper.class).recap(TavernScene.request()).method())
                    .isEqualTo(Recap.EXTRACTIVE);
        }
    }

    @Test
    void settingsBindFromProperties() {
        try (ApplicationContext ctx = context(Map.of(
                "glyphoxa.recap.llm-provider", "openai",
                "glyphoxa.recap.llm-base-url", "http://localhost:11434/v1",
                "glyphoxa.recap.llm-model", "llama3.2",
                "glyphoxa.recap.llm-api-key", "sk-bound",
                "glyphoxa.recap.timeout", "5s",
                "glyphoxa.recap.max-lines", "5",
                "glyphoxa.recap.max-transcript-chars", "4000"))) {
            RecapSettings s = ctx.getBean(RecapSettings.class);

            assertThat(s).isEqualTo(new RecapSettings("openai", "http://localhost:11434/v1", "llama3.2", "sk-bound",
                    Duration.ofSeconds(5), 5, 4_000));
            assertThat(s.llmEnabled()).isTrue();
        }
    }
}
