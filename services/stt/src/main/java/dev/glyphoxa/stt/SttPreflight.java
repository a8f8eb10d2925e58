package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.Optional;

/**
 * Checks, before the Micronaut context starts, that the configured recogniser can work: the speech engines are
 * installed for the offline default, a cloud provider has what it needs. A bean failing later would be reported by
 * Micronaut with a long stack trace; this gives the operator one line.
 */
final class SttPreflight {

    private SttPreflight() {
    }

    /** The settings as the application would bind them (application.yml, environment, system properties, args). */
    static SttSettings settings(String[] args) {
        SttSettings d = SttSettings.defaults();
        try (ApplicationContext probe = ApplicationContext.builder().args(args).build()) {
            Environment env = probe.getEnvironment();
            env.start();
            return new SttSettings(
                    get(env, "acoustic-model", d.acousticModel()),
                    get(env, "language-model", d.languageModel()),
                    get(env, "dictionary", d.dictionary()),
                    get(env, "library", d.library()),
                    get(env, "sphinxbase-library", d.sphinxbaseLibrary()),
                    get(env, "decoder-log", d.decoderLog()),
                    get(env, "festival", d.festival()),
                    d.festivalTimeoutMs(), d.idleDecoders(), d.warmDecoders(), d.abandonAfterMs(), d.sweepIntervalMs());
        }
    }

    /** The provider settings as the application would bind them. */
    static SttProviderSettings providerSettings(String[] args) {
        SttProviderSettings d = SttProviderSettings.defaults();
        try (ApplicationContext probe = ApplicationContext.builder().args(args).build()) {
            Environment env = probe.getEnvironment();
            env.start();
            return new SttProviderSettings(
                    get(env, "provider", d.provider()),
                    get(env, "base-url", null),
                    get(env, "model", null),
                    get(env, "api-key", null),
                    get(env, "api-key-file", null),
                    get(env, "language", d.language()),
                    env.getProperty("glyphoxa.stt.connect-timeout", Duration.class).orElse(d.connectTimeout()),
                    env.getProperty("glyphoxa.stt.result-timeout", Duration.class).orElse(d.resultTimeout()),
                    env.getProperty("glyphoxa.stt.interim-results", Boolean.class).orElse(d.interimResults()),
                    env.getProperty("glyphoxa.stt.offline-fallback", Boolean.class).orElse(d.offlineFallback()));
        }
    }

    private static String get(Environment env, String name, String fallback) {
        return env.getProperty("glyphoxa.stt." + name, String.class).filter(v -> !v.isBlank()).orElse(fallback);
    }

    /** Empty if PocketSphinx loads a decoder and Festival pronounces a word, else the one-line problem. */
    static Optional<String> problem(SttSettings settings) {
        try {
            new PocketSphinxEngine(settings.pocketSphinx()).create().close();
            new FestivalPronouncer(settings.festival(), settings.festivalTimeoutMs()).verify();
            return Optional.empty();
        } catch (MissingSpeechDependencyException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * For the offline default, {@link #problem(SttSettings)}; for a cloud provider, whether its settings are complete
     * (name, key). A missing offline fallback is not a problem: the stage logs it and runs without.
     */
    static Optional<String> problem(SttSettings settings, SttProviderSettings providers) {
        String provider = providers.provider() == null ? "" : providers.provider().strip();
        if (provider.isEmpty() || provider.equalsIgnoreCase(SttProviderSettings.POCKETSPHINX)) {
            return problem(settings);
        }
        SttProviderSettings noFallback = new SttProviderSettings(providers.provider(), providers.baseUrl(),
                providers.model(), providers.apiKey(), providers.apiKeyFile(), providers.language(),
                providers.connectTimeout(), providers.resultTimeout(), providers.interimResults(), false);
        try (SttEngines ignored = SttEngines.from(settings, noFallback)) {
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }
}
