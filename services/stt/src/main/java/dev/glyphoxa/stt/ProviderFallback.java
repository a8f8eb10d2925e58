package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.RecognitionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What happens to an utterance the cloud provider failed on: the offline recogniser transcribes its stored audio
 * (so the utterance is not lost), or, without one, it gets an empty transcript so the turn still ends. Either way
 * one WARN says why and {@code glyphoxa_stt_provider_failures_total{provider,reason}} counts it.
 */
public final class ProviderFallback implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderFallback.class);

    private final String provider;
    private final RecognizerPool offline;
    private final MeterRegistry registry;
    private final AtomicLong recovered = new AtomicLong();

    /**
     * @param provider the failing provider's name, for the metric
     * @param offline  pool of the offline recogniser; null when there is none
     */
    public ProviderFallback(String provider, RecognizerPool offline, MeterRegistry registry) {
        this.provider = provider;
        this.offline = offline;
        this.registry = registry;
    }

    Recognition recover(String key, String utteranceId, Vocabulary vocabulary, Supplier<short[]> storedAudio,
                               RecognitionException failure) {
        Counter.builder("glyphoxa.stt.provider.failures").tag("provider", provider).tag("reason", failure.reason().label())
                .description("utterances a cloud recogniser failed on, by provider and reason").register(registry).increment();
        String where = key.replace('\u001f', '/');
        if (offline == null) {
            LOG.warn("{}: {} failed on utterance {} ({}: {}); no offline recogniser, publishing an empty transcript",
                    where, provider, utteranceId, failure.reason().label(), failure.getMessage());
            return new Recognition("", Recognition.Source.FALLBACK, provider);
        }
        LOG.warn("{}: {} failed on utterance {} ({}: {}); {} transcribes it from the stored audio", where, provider,
                utteranceId, failure.reason().label(), failure.getMessage(), offline.provider());
        RecognizerPool.Lease lease = offline.acquire(vocabulary.words());
        try {
            String text = lease.recognizer().transcribe(storedAudio.get());
            lease.finishedUtterance();
            offline.release(lease);
            recovered.incrementAndGet();
            return new Recognition(text, Recognition.Source.FALLBACK, offline.provider());
        } catch (RuntimeException e) {
            offline.discard(lease);
            throw e;
        }
    }

    /** Utterances the offline recogniser transcribed instead of the failed provider. */
    public long recovered() {
        return recovered.get();
    }

    @Override
    public void close() {
        if (offline != null) {
            offline.close();
        }
    }
}
