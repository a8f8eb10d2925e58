package dev.glyphoxa.vad;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How speech is cut into utterances, and when a speaker has held the floor long enough to barge in.
 *
 * @param threshold        speech probability at or above which a model window counts as voiced
 * @param releaseThreshold while speaking, a window counts as voiced down to this probability (hysteresis, as in
 *                         Silero's own utilities: threshold - 0.15), so soft word endings do not start the hangover
 * @param minSpeechMs      voiced audio needed in one run before an utterance starts (filters clicks and coughs)
 * @param hangoverMs       silence after the last voiced window that ends an utterance, on the wall clock when no
 *                         packets arrive (Discord sends none in silence) and on capture time when silent packets do
 * @param preRollMs        audio before the voiced run that is sent with the start, so the first phoneme is not clipped
 * @param chunkMs          length of the SpeechAudio chunks (the last chunk of an utterance may be shorter)
 * @param maxUtteranceMs   an utterance is ended at this length even if the speaker goes on (a new one then starts)
 * @param punctuateMs      how often the wall-clock end-of-speech check runs
 * @param idleForgetMs     a speaker not speaking and silent this long is dropped from the store and the caches
 * @param bargeInMs        continuous voiced audio after which a BargeIn is published (once per utterance), so a
 *                         back-channel "mhm" or "yeah" does not cut off an NPC but a player who goes on does
 * @param bargeInGapMs     an unvoiced stretch longer than this breaks "continuous" and the count starts over;
 *                         shorter dips (between syllables and words) do not
 */
@ConfigurationProperties("glyphoxa.vad")
public record VadSettings(
        @Bindable(defaultValue = "0.5") float threshold,
        @Bindable(defaultValue = "0.35") float releaseThreshold,
        @Bindable(defaultValue = "150") int minSpeechMs,
        @Bindable(defaultValue = "600") int hangoverMs,
        @Bindable(defaultValue = "200") int preRollMs,
        @Bindable(defaultValue = "100") int chunkMs,
        @Bindable(defaultValue = "20000") int maxUtteranceMs,
        @Bindable(defaultValue = "5") int punctuateMs,
        @Bindable(defaultValue = "60000") int idleForgetMs,
        @Bindable(defaultValue = "250") int bargeInMs,
        @Bindable(defaultValue = "100") int bargeInGapMs) {

    public VadSettings {
        if (threshold <= 0 || threshold >= 1 || releaseThreshold <= 0 || releaseThreshold > threshold) {
            throw new IllegalArgumentException("glyphoxa.vad: need 0 < release-threshold <= threshold < 1, got "
                    + releaseThreshold + " / " + threshold);
        }
        if (minSpeechMs < 0 || hangoverMs <= 0 || preRollMs < 0 || chunkMs <= 0 || maxUtteranceMs <= 0
                || punctuateMs <= 0 || idleForgetMs <= 0) {
            throw new IllegalArgumentException("glyphoxa.vad: durations must be positive (min-speech-ms and pre-roll-ms may be 0)");
        }
        if (bargeInMs <= 0 || bargeInGapMs < 0) {
            throw new IllegalArgumentException("glyphoxa.vad: need barge-in-ms > 0 and barge-in-gap-ms >= 0, got "
                    + bargeInMs + " / " + bargeInGapMs);
        }
    }

    /** The defaults above, for code that runs without Micronaut (tests, tools). */
    public static VadSettings defaults() {
        return new VadSettings(0.5f, 0.35f, 150, 600, 200, 100, 20_000, 5, 60_000, 250, 100);
    }
}
