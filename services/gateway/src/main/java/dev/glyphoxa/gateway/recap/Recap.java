package dev.glyphoxa.gateway.recap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A session recap.
 *
 * @param text            the recap, never blank
 * @param method          {@value #LLM} or {@value #EXTRACTIVE}
 * @param linesConsidered transcript lines the recap was made from (for the LLM: those that fitted its budget)
 * @param fallbackReason  why the LLM recap was not used although one is configured; null otherwise
 */
@Serdeable
public record Recap(String text, String method, int linesConsidered, @Nullable String fallbackReason) {

    public static final String LLM = "llm";
    public static final String EXTRACTIVE = "extractive";

    Recap withFallbackReason(String reason) {
        return new Recap(text, method, linesConsidered, reason);
    }
}
