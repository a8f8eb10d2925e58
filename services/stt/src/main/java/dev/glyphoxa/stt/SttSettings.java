package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the STT stage ({@code glyphoxa.stt.*}); the defaults are where Debian's packages put things.
 *
 * @param acousticModel     PocketSphinx acoustic model directory (package pocketsphinx-en-us)
 * @param languageModel     PocketSphinx n-gram language model
 * @param dictionary        PocketSphinx pronunciation dictionary (CMUdict)
 * @param library           libpocketsphinx (package libpocketsphinx3), file name or path
 * @param sphinxbaseLibrary libsphinxbase (package libsphinxbase3), file name or path
 * @param decoderLog        where PocketSphinx writes its own verbose log
 * @param festival          Festival program used to pronounce campaign names (package festival)
 * @param festivalTimeoutMs how long one batch of name look-ups may take
 * @param idleDecoders      decoders kept for reuse once their utterance ended (each holds the models: ~tens of MiB)
 * @param warmDecoders      decoders created at start-up, so the first utterance does not pay for loading the model
 * @param abandonAfterMs    an utterance without any event for this long (its SpeechEnded lost) is dropped from the stores
 * @param sweepIntervalMs   how often (wall clock) to look for abandoned utterances
 */
@ConfigurationProperties("glyphoxa.stt")
public record SttSettings(
        @Bindable(defaultValue = DEFAULT_MODEL_DIR + "/en-us") String acousticModel,
        @Bindable(defaultValue = DEFAULT_MODEL_DIR + "/en-us.lm.bin") String languageModel,
        @Bindable(defaultValue = DEFAULT_MODEL_DIR + "/cmudict-en-us.dict") String dictionary,
        @Bindable(defaultValue = "libpocketsphinx.so.3") String library,
        @Bindable(defaultValue = "libsphinxbase.so.3") String sphinxbaseLibrary,
        @Bindable(defaultValue = "/dev/null") String decoderLog,
        @Bindable(defaultValue = "festival") String festival,
        @Bindable(defaultValue = "30000") long festivalTimeoutMs,
        @Bindable(defaultValue = "4") int idleDecoders,
        @Bindable(defaultValue = "1") int warmDecoders,
        @Bindable(defaultValue = "300000") long abandonAfterMs,
        @Bindable(defaultValue = "30000") long sweepIntervalMs) {

    public static final String DEFAULT_MODEL_DIR = "/usr/share/pocketsphinx/model/en-us";

    /** The defaults, for tests and tools that run without a Micronaut context. */
    public static SttSettings defaults() {
        return new SttSettings(DEFAULT_MODEL_DIR + "/en-us", DEFAULT_MODEL_DIR + "/en-us.lm.bin",
                DEFAULT_MODEL_DIR + "/cmudict-en-us.dict", "libpocketsphinx.so.3", "libsphinxbase.so.3", "/dev/null",
                "festival", 30000, 4, 1, 300000, 30000);
    }

    public PocketSphinxEngine.Config pocketSphinx() {
        return new PocketSphinxEngine.Config(acousticModel, languageModel, dictionary, library, sphinxbaseLibrary, decoderLog);
    }
}
