package dev.glyphoxa.gateway.recap;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecapSettingsTest {

    private static RecapSettings settings(String provider, String baseUrl, String model, String key) {
        return new RecapSettings(provider, baseUrl, model, key, Duration.ofSeconds(30), 8, 24_000);
    }

    @Test
    void toStringNeverShowsTheKey() {
        RecapSettings s = settings("openai", "http://localhost:11434/v1", "llama3.2", "sk-secret-123");

        assertThat(s.toString()).doesNotContain("sk-secret-123").contains("llmApiKey=(set, hidden)", "llama3.2");
    }

    @Test
    void theSharedEnvVarsEmptyDefaultsMeanUnset() {
        // What ${GLYPHOXA_LLM_BASE_URL:} and friends bind when the variables are not set.
        RecapSettings s = settings("", "", "", "");

        assertThat(s.llmEnabled()).isFalse();
        assertThat(s.llmBaseUrl()).isNull();
        assertThat(s.llmApiKey()).isNull();
        assertThat(s.llmModel()).isEqualTo(RecapSettings.DEFAULT_MODEL);
    }

    @Test
    void theProviderDecidesLikeInTheLlmStage() {
        assertThat(settings("offline", "http://localhost:11434/v1", "m", null).llmEnabled()).isFalse();
        assertThat(settings("OpenAI", null, "m", null).llmEnabled()).isTrue();
        assertThat(settings("openai", null, "m", null).effectiveBaseUrl()).isEqualTo(RecapSettings.OPENAI_BASE_URL);
        assertThat(settings(null, "http://localhost:11434/v1", "m", null).llmEnabled()).isTrue();
        assertThat(settings(null, null, "m", null).llmEnabled()).isFalse();
        assertThatThrownBy(() -> settings("anthropic", null, "m", null).llmEnabled())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("offline or openai");
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new RecapSettings(null, null, "m", null, Duration.ZERO, 8, 24_000))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new RecapSettings(null, null, "m", null, Duration.ofSeconds(1), 0, 24_000))
                .hasMessageContaining("max-lines");
    }
}
