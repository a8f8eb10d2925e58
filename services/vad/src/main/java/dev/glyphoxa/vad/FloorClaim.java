package dev.glyphoxa.vad;

import dev.glyphoxa.schema.BargeIn;

import java.util.Optional;

/**
 * Decides when a speaker has held the floor: counts each speaker's continuous voiced audio and yields one
 * {@link BargeIn} per utterance once the count reaches {@code barge-in-ms}. It does not know whether an NPC is
 * speaking; the voice-bridge decides whether a BargeIn cuts anything. A short back-channel ("mhm", "yeah") stays
 * under the threshold, so it never reaches the bridge.
 *
 * <p>"Continuous" allows dips: an unvoiced stretch of at most {@code barge-in-gap-ms} (the quiet between syllables
 * and words) keeps the count, only voiced windows add to it, and a longer stretch starts it over. Gaps are measured
 * on capture time, so a gap in the stream (Discord sends nothing in silence) breaks the run as silence would.
 *
 * <p>Stateless itself: the count lives in the {@link SpeakerTrack} (and so in the store). Call it after
 * {@link SpeechSegmenter#accept} for the same window, so a BargeIn follows the SpeechStarted of its utterance and
 * carries that utterance's id; a run that crossed the threshold before the utterance started (min-speech-ms longer
 * than barge-in-ms) is published with the SpeechStarted.
 */
public final class FloorClaim {

    private final VadSettings settings;

    public FloorClaim(VadSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes the next scored window of the speaker.
     *
     * @param windowMs     length of the window
     * @param captureEndMs capture time of the window's last sample
     * @param nowMs        wall-clock time, published as {@code detected_at_ms}
     * @return the speaker's BargeIn for the current utterance, the first time the threshold is reached in it
     */
    public Optional<BargeIn> accept(SpeakerTrack t, float probability, int windowMs, long captureEndMs, long nowMs) {
        long windowStartMs = captureEndMs - windowMs;
        if (voiced(t, probability)) {
            if (t.floorVoicedMs == 0 || windowStartMs - t.floorLastVoicedMs > settings.bargeInGapMs()) {
                t.floorVoicedMs = 0;
                t.floorStartMs = windowStartMs;
            }
            t.floorVoicedMs += windowMs;
            t.floorLastVoicedMs = captureEndMs;
        } else if (t.floorVoicedMs > 0 && captureEndMs - t.floorLastVoicedMs > settings.bargeInGapMs()) {
            t.floorVoicedMs = 0;
        }
        if (!t.speaking || t.floorVoicedMs < settings.bargeInMs() || t.utteranceId.equals(t.bargeInUtteranceId)) {
            return Optional.empty();
        }
        t.bargeInUtteranceId = t.utteranceId;
        return Optional.of(BargeIn.newBuilder()
                .setSessionId(t.sessionId)
                .setSpeakerId(t.speakerId)
                .setUtteranceId(t.utteranceId)
                .setVoicedMs((int) Math.min(t.floorVoicedMs, Integer.MAX_VALUE))
                .setSpeechStartMs(t.floorStartMs)
                .setDetectedAtMs(nowMs)
                .build());
    }

    /**
     * The segmenter's notion of voiced: the start threshold while idle, the lower release threshold while speaking.
     * Called after the segmenter has seen the window, so the window that started an utterance is judged by the
     * release threshold (it passed the higher one anyway) and the one an utterance was cut at max length by the
     * start threshold (the next utterance has not started yet).
     */
    private boolean voiced(SpeakerTrack t, float probability) {
        return probability >= (t.speaking ? settings.releaseThreshold() : settings.threshold());
    }
}
