package dev.glyphoxa.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the llm stage ({@code glyphoxa.llm.*}).
 *
 * @param provider           {@code offline} (the built-in rule-based responder, no language model) or {@code openai}
 *                           (any OpenAI-compatible chat-completions endpoint)
 * @param baseUrl            endpoint base, e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1}
 *                           (Ollama), the {@code /v1} base of a llama.cpp server, vLLM or LM Studio, or
 *                           {@code https://generativelanguage.googleapis.com/v1beta/openai}; OpenAI's when unset
 * @param model              model name at that endpoint; required for {@code openai}
 * @param apiKey             bearer token, normally from {@code GLYPHOXA_LLM_API_KEY}; unset for local servers
 * @param connectTimeout     connecting to the endpoint
 * @param readTimeout        longest silence from the endpoint: before the response headers or between stream lines
 * @param replyTimeout       longest time for one whole reply
 * @param maxTokens          {@code max_tokens} per reply (0 = endpoint default)
 * @param temperature        sampling temperature (unset = endpoint default)
 * @param historySize        conversation lines kept per session and shown to the responder
 * @param continuationWindow how long after an NPC answered an unaddressed line still goes to that NPC
 * @param knowledgeLimit     most campaign entities passed to the responder per line
 * @param turnMinSilence     a player's turn ends this long after their speech ends (counted from the end of the
 *                           last voiced packet, so the VAD's own hangover is part of it, not added to it)
 * @param turnMaxSilence     how long the turn waits instead when the line sounds unfinished (a trailing "and",
 *                           "but", a comma); another utterance of the same speaker within it joins the turn
 * @param fallbackBaseUrl    with {@code fallbackModel} and {@code fallbackApiKey}: a second OpenAI-compatible endpoint tried when the first fails or is slow (its
 *                           {@code readTimeout} passes with nothing) before the first sentence; unset = none
 */
@ConfigurationProperties("glyphoxa.llm")
public record LlmSettings(
        @Bindable(defaultValue = "offline") String provider,
        @Nullable String baseUrl,
        @Nullable String model,
        @Nullable String apiKey,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "15s") Duration readTimeout,
        @Bindable(defaultValue = "60s") Duration replyTimeout,
        @Bindable(defaultValue = "200") int maxTokens,
        @Nullable Double temperature,
        @Bindable(defaultValue = "20") int historySize,
        @Bindable(defaultValue = "30s") Duration continuationWindow,
        @Bindable(defaultValue = "3") int knowledgeLimit,
        @Nullable String fallbackBaseUrl,
        @Nullable String fallbackModel,
        @Nullable String fallbackApiKey,
        @Bindable(defaultValue = "600ms") Duration turnMinSilence,
        @Bindable(defaultValue = "1800ms") Duration turnMaxSilence) {

    /** The second endpoint, the same meaning as the primary's settings; timeouts are the primary's. */
    public record Fallback(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
        }

        @Override
        public String toString() {
            return "Fallback[baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    public Fallback fallback() {
        return new Fallback(fallbackBaseUrl, fallbackModel, fallbackApiKey);
    }

    /** Keys stay out of logs and exception messages that print the settings. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", fallback="
                + fallback() + "]";
    }

    public static final String OFFLINE = "offline";
    public static final String OPENAI = "openai";
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Defaults for everything, offline responder; for tests and tools that build the stage without Micronaut. */
    public static LlmSettings defaults() {
        return new LlmSettings(OFFLINE, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(60), 200, null, 20, Duration.ofSeconds(30), 3, null, null, null,
                Duration.ofMillis(600), Duration.ofMillis(1800));
    }

    public LlmSettings withOpenAi(String baseUrl, String model, String apiKey, Duration readTimeout) {
        return new LlmSettings(OPENAI, baseUrl, model, apiKey, connectTimeout, readTimeout, replyTimeout, maxTokens,
                temperature, historySize, continuationWindow, knowledgeLimit, fallbackBaseUrl, fallbackModel, fallbackApiKey,
                turnMinSilence, turnMaxSilence);
    }

    public LlmSettings withFallback(String baseUrl, String model, String apiKey) {
        return new LlmSettings(provider, this.baseUrl, this.model, this.apiKey, connectTimeout, readTimeout, replyTimeout,
                maxTokens, temperature, historySize, continuationWindow, knowledgeLimit, baseUrl, model, apiKey, turnMinSilence, turnMaxSilence);
    }

    public LlmSettings withTurnSilence(Duration min, Duration max) {
        return new LlmSettings(provider, baseUrl, model, apiKey, connectTimeout, readTimeout, replyTimeout, maxTokens,
                temperature, historySize, continuationWindow, knowledgeLimit, fallbackBaseUrl, fallbackModel, fallbackApiKey,
                min, max);
    }

    public LlmSettings withContinuationWindow(Duration window) {
        return new LlmSettings(provider, baseUrl, model, apiKey, connectTimeout, readTimeout, replyTimeout, maxTokens,
                temperature, historySize, window, knowledgeLimit, fallbackBaseUrl, fallbackModel, fallbackApiKey,
                turnMinSilence, turnMaxSilence);
    }

    public LlmSettings withHistorySize(int size) {
        return new LlmSettings(provider, baseUrl, model, apiKey, connectTimeout, readTimeout, replyTimeout, maxTokens,
                temperature, size, continuationWindow, knowledgeLimit, fallbackBaseUrl, fallbackModel, fallbackApiKey,
                turnMinSilence, turnMaxSilence);
    }
}
