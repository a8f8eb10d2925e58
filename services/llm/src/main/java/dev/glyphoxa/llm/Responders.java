package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import dev.glyphoxa.llm.provider.openai.OpenAiResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The configured responder and the offline one that stands in for any turn the configured one fails
 * (the same object when no endpoint is configured).
 */
public record Responders(Responder primary, Responder fallback) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Responders.class);

    public static Responders from(LlmSettings settings) {
        OfflineResponder offline = new OfflineResponder();
        String provider = settings.provider() == null ? LlmSettings.OFFLINE
                : settings.provider().strip().toLowerCase(Locale.ROOT);
        switch (provider) {
            case LlmSettings.OFFLINE, "" -> {
                LOG.info("no language model configured: NPCs answer with the built-in rule-based responder "
                        + "(set glyphoxa.llm.provider=openai, base-url and model to use one)");
                return new Responders(offline, offline);
            }
            case LlmSettings.OPENAI -> {
                String base = settings.baseUrl() == null || settings.baseUrl().isBlank()
                        ? LlmSettings.OPENAI_BASE_URL : settings.baseUrl();
                if (settings.model() == null || settings.model().isBlank()) {
                    throw new IllegalStateException("glyphoxa.llm.provider=openai needs glyphoxa.llm.model "
                            + "(GLYPHOXA_LLM_MODEL), e.g. gpt-4o-mini, or llama3.2 on Ollama");
                }
                OpenAiResponder openai = new OpenAiResponder(new OpenAiResponder.Config(base, settings.model(),
                        settings.apiKey(), settings.connectTimeout(), settings.readTimeout(), settings.replyTimeout(),
                        settings.maxTokens(), settings.temperature()));
                LOG.info("NPCs answer with {} (model {}); the built-in rule-based responder stands in for failed turns",
                        openai.endpoint(), settings.model());
                return new Responders(openai, offline);
            }
            default -> throw new IllegalStateException("unknown glyphoxa.llm.provider '" + settings.provider()
                    + "': use offline or openai");
        }
    }

    @Override
    public void close() {
        if (primary instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", primary, e.getMessage());
            }
        }
    }
}
