package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.Responder;
import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import dev.glyphoxa.llm.provider.openai.OpenAiResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured responder and the offline one that stands in for any turn the configured one fails
 * (the same object when no endpoint is configured).
 */
public record Responders(List<Responder> chain) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Responders.class);

    public Responders {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("at least one responder");
        }
    }

    /** A configured responder and the one that stands in for it (the same object when nothing is configured). */
    public Responders(Responder primary, Responder fallback) {
        this(primary == fallback ? List.of(primary) : List.of(primary, fallback));
    }

    public Responder primary() {
        return chain.getFirst();
    }

    /** The last resort: the built-in offline responder in production. */
    public Responder fallback() {
        return chain.getLast();
    }

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
                List<Responder> chain = new ArrayList<>();
                chain.add(openAi(settings, base, settings.model(), settings.apiKey()));
                LlmSettings.Fallback second = settings.fallback();
                if (second.configured()) {
                    chain.add(openAi(settings, second.baseUrl(), second.model(), second.apiKey()));
                }
                chain.add(offline);
                LOG.info("NPCs answer with {}; if it fails or sends nothing for {} before the first sentence: {}",
                        describe(chain.getFirst()), settings.readTimeout(),
                        String.join(", then ", chain.subList(1, chain.size()).stream().map(Responders::describe).toList()));
                return new Responders(chain);
            }
            default -> throw new IllegalStateException("unknown glyphoxa.llm.provider '" + settings.provider()
                    + "': use offline or openai");
        }
    }

    private static OpenAiResponder openAi(LlmSettings s, String base, String model, String apiKey) {
        return new OpenAiResponder(new OpenAiResponder.Config(base, model, apiKey, s.connectTimeout(), s.readTimeout(),
                s.replyTimeout(), s.maxTokens(), s.temperature()));
    }

    /** How logs name a responder: which endpoint and model, since two of the chain may both be "openai". */
    static String describe(Responder r) {
        return r instanceof OpenAiResponder o ? o.endpoint() + " (" + o.model() + ")" : "the built-in rule-based responder";
    }

    @Override
    public void close() {
        for (Responder r : chain) {
            if (r instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", r, e.getMessage());
                }
            }
        }
    }
}
