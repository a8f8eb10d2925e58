package dev.glyphoxa.gateway.recap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of session recaps ({@code glyphoxa.recap.*}). They are meant to be fed from the same environment
 * variables as the llm stage, so recaps use the model the NPCs speak with.
 *
 * @param llmProvider        {@code offline}: no language model, extractive recaps only; {@code openai}: any
 *                           OpenAI-compatible endpoint; unset: a language model exactly when {@code llmBaseUrl} is set
 * @param llmBaseUrl         endpoint base, e.g. {@code http://localhost:11434/v1}; OpenAI's when the provider is
 *                           {@code openai} and this is unset
 * @param llmModel           model name at that endpoint
 * @param llmApiKey          bearer token; unset for local servers. Never printed.
 * @param timeout            longest wait for the whole LLM answer (also the connect timeout)
 * @param maxLines           most transcript lines quoted in an extractive recap
 * @param maxTranscriptChars most transcript characters sent to the LLM; the most recent lines are kept
 */
@ConfigurationProperties("glyphoxa.recap")
public record RecapSettings(
        @Nullable String llmProvider,
        @Nullable String llmBaseUrl,
        @Bindable(defaultValue = DEFAULT_MODEL) String llmModel,
        @Nullable String llmApiKey,
        @Bindable(defaultValue = "30s") Duration timeout,
        @Bindable(defaultValue = "8") int maxLines,
        @Bindable(defaultValue = "24000") int maxTranscriptChars) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final String OFFLINE = "offline";
    public static final String OPENAI = "openai";
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    public RecapSettings {
        // The shared env vars default to empty strings (${GLYPHOXA_LLM_BASE_URL:}); empty means unset here.
        llmProvider = blankToNull(llmProvider);
        llmBaseUrl = blankToNull(llmBaseUrl);
        llmModel = blankToNull(llmModel) == null ? DEFAULT_MODEL : llmModel.strip();
        llmApiKey = blankToNull(llmApiKey);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("glyphoxa.recap.timeout must be positive, was " + timeout);
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("glyphoxa.recap.max-lines must be at least 1, was " + maxLines);
        }
        if (maxTranscriptChars < 200) {
            throw new IllegalArgumentException("glyphoxa.recap.max-transcript-chars must be at least 200, was "
                    + maxTranscriptChars);
        }
    }

    /** No language model, defaults for everything else; for tests and tools that run without Micronaut. */
    public static RecapSettings defaults() {
        return new RecapSettings(null, null, DEFAULT_MODEL, null, Duration.ofSeconds(30), 8, 24_000);
    }

    public RecapSettings withLlm(String baseUrl, String model, @Nullable String apiKey, Duration timeout) {
        return new RecapSettings(OPENAI, baseUrl, model, apiKey, timeout, maxLines, maxTranscriptChars);
    }

    public RecapSettings withMaxTranscriptChars(int chars) {
        return new RecapSettings(llmProvider, llmBaseUrl, llmModel, llmApiKey, timeout, maxLines, chars);
    }

    /**
     * Whether recaps are written by a language model.
     *
     * @throws IllegalStateException for a provider other than offline or openai (the llm stage refuses it too)
     */
    public boolean llmEnabled() {
        if (llmProvider == null) {
            return llmBaseUrl != null;
        }
        return switch (llmProvider.toLowerCase(Locale.ROOT)) {
            case OFFLINE -> false;
            case OPENAI -> true;
            default -> throw new IllegalStateException("unknown glyphoxa.recap.llm-provider '" + llmProvider
                    + "': use offline or openai");
        };
    }

    /** The base URL requests go to when {@link #llmEnabled()}. */
    public String effectiveBaseUrl() {
        return llmBaseUrl != null ? llmBaseUrl : OPENAI_BASE_URL;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "RecapSettings[llmProvider=" + llmProvider + ", llmBaseUrl=" + llmBaseUrl + ", llmModel=" + llmModel
                + ", llmApiKey=" + (llmApiKey == null ? "unset" : "(set, hidden)") + ", timeout=" + timeout
                + ", maxLines=" + maxLines + ", maxTranscriptChars=" + maxTranscriptChars + "]";
    }
}
