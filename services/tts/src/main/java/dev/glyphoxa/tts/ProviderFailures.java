package dev.glyphoxa.tts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Counts lines a remote engine failed on and the offline voice spoke instead:
 * {@code glyphoxa_tts_provider_failures_total{provider,reason}} on {@code /prometheus}. Such lines are not dead
 * letters (they were spoken), so they need their own counter to make a broken key or an outage visible.
 */
public final class ProviderFailures {

    public static final String METER = "glyphoxa.tts.provider.failures";

    private final MeterRegistry registry;

    public ProviderFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For plain-Java use (tests, the in-process bench) where nobody scrapes metrics. */
    public static ProviderFailures unregistered() {
        return new ProviderFailures(new SimpleMeterRegistry());
    }

    public void increment(String provider, String reason) {
        counter(provider, reason).increment();
    }

    public double count(String provider, String reason) {
        return counter(provider, reason).count();
    }

    private Counter counter(String provider, String reason) {
        return Counter.builder(METER).tag("provider", provider).tag("reason", reason)
                .description("lines a remote TTS provider failed on, spoken by the offline fallback voice instead")
                .register(registry);
    }
}
