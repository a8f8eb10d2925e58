package dev.glyphoxa.tts;

import dev.glyphoxa.tts.provider.espeak.EspeakSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Settings of the TTS stage ({@code glyphoxa.tts.*}).
 *
 * @param defaultVoice      voice for lines whose voice is missing or unknown, as provider:voice
 * @param fallbackVoice     offline voice (festival or espeak) that speaks a line a cloud provider failed on; unset
 *                          means the default voice, which must then be offline
 * @param opusBitrate       bit/s of the outgoing 48 kHz mono Opus stream
 * @param maxTextChars      longer lines are rejected to the dead-letter topic (an LLM that ran away)
 * @param festivalCommand   the festival executable
 * @param festivalVoice     Festival voice to load (its {@code voice_...} function without the prefix)
 * @param festivalProcesses long-lived Festival processes that may speak at once
 * @param espeakCommand     the espeak-ng executable
 * @param synthesisTimeout  longest one sentence may take before its engine process is killed
 */
@ConfigurationProperties("glyphoxa.tts")
public record TtsSettings(
        @Bindable(defaultValue = "festival:slt") String defaultVoice,
        @Nullable String fallbackVoice,
        @Bindable(defaultValue = "40000") int opusBitrate,
        @Bindable(defaultValue = "2000") int maxTextChars,
        @Bindable(defaultValue = "festival") String festivalCommand,
        @Bindable(defaultValue = "cmu_us_slt_arctic_hts") String festivalVoice,
        @Bindable(defaultValue = "1") int festivalProcesses,
        @Bindable(defaultValue = "espeak-ng") String espeakCommand,
        @Bindable(defaultValue = "30s") Duration synthesisTimeout) {

    /** The same defaults as the annotations, for use without Micronaut (tests, local runner). */
    public static TtsSettings defaults() {
        return new TtsSettings("festival:slt", null, 40_000, 2000, "festival", "cmu_us_slt_arctic_hts", 1, "espeak-ng",
                Duration.ofSeconds(30));
    }

    public FestivalSynthesizer.Settings festival() {
        return new FestivalSynthesizer.Settings(festivalCommand, festivalVoice, festivalProcesses, synthesisTimeout);
    }

    public EspeakSynthesizer.Settings espeak() {
        return new EspeakSynthesizer.Settings(espeakCommand, synthesisTimeout);
    }
}
