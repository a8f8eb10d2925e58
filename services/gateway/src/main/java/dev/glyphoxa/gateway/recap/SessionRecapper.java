package dev.glyphoxa.gateway.recap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recaps a session: by the configured language model when there is one, otherwise (and whenever the model fails
 * or answers nothing usable) extractively. Always answers with a non-blank text.
 */
@Singleton
public class SessionRecapper {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecapper.class);

    private final ExtractiveRecapper extractive;
    private final @Nullable LlmRecapper llm;

    public SessionRecapper(RecapSettings settings, JsonMapper json) {
        this.extractive = new ExtractiveRecapper(settings.maxLines(), ExtractiveRecapper.DEFAULT_MAX_CHARS);
        this.llm = settings.llmEnabled() ? new LlmRecapper(settings, json) : null;
        LOG.info("session recaps: {}", llm == null ? "extractive (no language model configured)" : llm);
    }

    public Recap recap(RecapRequest request) {
        Recap fallback = extractive.recap(request);
        if (llm == null || fallback.linesConsidered() == 0) {
            return fallback; // nothing said: no model call needed to say so
        }
        String reason;
        try {
            Recap recap = llm.recap(request);
            String text = LlmOutput.clean(recap.text());
            if (!text.isBlank()) {
                return new Recap(text, Recap.LLM, recap.linesConsidered(), null);
            }
            reason = "the language model answered only formatting, no recap text";
        } catch (RecapException e) {
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // A bug here must not cost the person waiting for a recap the extractive one; the trace is for us.
            LOG.warn("LLM recap of campaign '{}' failed unexpectedly, sending the extractive recap instead",
                    request.campaignName(), e);
            return fallback.withFallbackReason("unexpected error: " + e.getClass().getSimpleName());
        }
        LOG.warn("LLM recap of campaign '{}' failed, sending the extractive recap instead: {}",
                request.campaignName(), reason);
        return fallback.withFallbackReason(reason);
    }

    @PreDestroy
    void close() {
        if (llm != null) {
            llm.close();
        }
    }
}
