package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.util.Optional;

/**
 * Checks, before the Micronaut context starts, that the speech engines are installed. A bean failing later would
 * be reported by Micronaut with a long stack trace; this gives the operator one line naming the install script.
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

    private static String get(Environment env, String name, String fallback) {
        return env.getProperty("glyphoxa.stt." + name, String.class).orElse(fallback);
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
}
