package dev.glyphoxa.vad;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.schema.TurnTimings;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-speaker state machine that turns scored audio windows into utterances: idle until a run of voiced windows
 * reaches min-speech, then SpeechStarted (with the pre-roll) and fixed-size SpeechAudio chunks until the speaker
 * has been silent for the hangover or the utterance reaches its maximum length, then SpeechEnded.
 *
 * <p>Stateless itself: every call works on the {@link SpeakerTrack} it is given, so the state can live in a store.
 * Silence is measured two ways because Discord sends no packets while nobody speaks: on capture time when silent
 * windows do arrive ({@link #accept}) and on the wall clock when nothing arrives ({@link #expire}).
 */
public final class SpeechSegmenter {

    private final VadSettings settings;
    private final int sampleRate;
    private final int minSpeechSamples;
    private final int preRollSamples;
    private final int chunkSamples;
    private final long maxUtteranceSamples;

    public SpeechSegmenter(VadSettings settings, int sampleRate) {
        this.settings = settings;
        this.sampleRate = sampleRate;
        this.minSpeechSamples = samples(settings.minSpeechMs());
        this.preRollSamples = samples(settings.preRollMs());
        this.chunkSamples = Math.max(1, samples(settings.chunkMs()));
        this.maxUtteranceSamples = samples(settings.maxUtteranceMs());
    }

    /** As {@link #accept(SpeakerTrack, short[], float, long, long, long, long)} with the window ending now. */
    public List<SpeechEvent> accept(SpeakerTrack t, short[] window, float probability, long sequence,
                                    long captureEndMs, long nowMs) {
        return accept(t, window, probability, sequence, captureEndMs, nowMs, nowMs);
    }

    /**
     * Takes the next scored window of the speaker.
     *
     * @param sequence     sequence of the packet that completed the window (the utterance is named
     *                     {@code <speaker>-<sequence that began the voiced run>-<start_ms>})
     * @param captureEndMs capture time of the window's last sample
     * @param endWallMs    the same instant on this VAD's wall clock: now, less the audio that followed the window in
     *                     its packet. The hangover timer of {@link #expire} starts from it, so the wall clock ends an
     *                     utterance after the same silence as capture time would, without mixing the two clocks
     * @param nowMs        wall-clock time now (stamped as {@code vad_end_ms} when this window ends the utterance)
     */
    public List<SpeechEvent> accept(SpeakerTrack t, short[] window, float probability, long sequence,
                                    long captureEndMs, long endWallMs, long nowMs) {
        List<SpeechEvent> events = new ArrayList<>();
        if (!t.speaking) {
            if (probability >= settings.threshold()) {
                if (t.voicedRunSamples == 0) {
                    t.voicedRunSequence = sequence;
                }
                t.voicedRunSamples += window.length;
            } else {
                t.voicedRunSamples = 0;
            }
            t.recent = keepTail(Pcm.concat(t.recent, window), preRollSamples + t.voicedRunSamples);
            t.recentStartMs = captureEndMs - millis(t.recent.length);
            if (t.voicedRunSamples > 0 && t.voicedRunSamples >= minSpeechSamples) {
                start(t, captureEndMs, endWallMs, events);
            }
        } else {
            append(t, window, events);
            if (probability >= settings.releaseThreshold()) {
                t.lastVoicedCaptureMs = captureEndMs;
                t.lastVoicedWallMs = endWallMs;
            } else if (captureEndMs - t.lastVoicedCaptureMs >= settings.hangoverMs()) {
                end(t, nowMs, events);
            }
        }
        if (t.speaking && t.utteranceSamples >= maxUtteranceSamples) {
            end(t, nowMs, events);
        }
        return events;
    }

    /**
     * Wall-clock end of speech: ends the utterance when no voiced window has been seen for the hangover. The audio
     * not yet scored (less than one model window) is the last thing the speaker sent, so it closes the utterance.
     */
    public List<SpeechEvent> expire(SpeakerTrack t, long nowMs) {
        List<SpeechEvent> events = new ArrayList<>();
        if (t.speaking && nowMs - t.lastVoicedWallMs >= settings.hangoverMs()) {
            append(t, t.unscored, events);
            t.unscored = new short[0];
            end(t, nowMs, events);
        }
        return events;
    }

    /** Whether {@link #expire} would end this speaker's utterance now (cheap check on the stored record). */
    public boolean due(boolean speaking, long lastVoicedWallMs, long nowMs) {
        return speaking && nowMs - lastVoicedWallMs >= settings.hangoverMs();
    }

    /** Forgets audio held for a pre-roll, e.g. after a gap in the stream made it non-adjacent to what follows. */
    public void dropPreRoll(SpeakerTrack t) {
        if (!t.speaking) {
            t.recent = new short[0];
            t.voicedRunSamples = 0;
        }
    }

    private void start(SpeakerTrack t, long captureEndMs, long endWallMs, List<SpeechEvent> events) {
        t.speaking = true;
        // Deterministic, so a replay after a crash names the utterance the same; the start time keeps it unique
        // when the sender restarts its sequence numbers.
        t.utteranceId = t.speakerId + "-" + t.voicedRunSequence + "-" + t.recentStartMs;
        t.utteranceSamples = 0;
        t.chunkIndex = 0;
        t.pendingChunk = new short[0];
        t.lastVoicedCaptureMs = captureEndMs;
        t.lastVoicedWallMs = endWallMs;
        events.add(event(t, SpeechStarted.newBuilder().setStartMs(t.recentStartMs).build()));
        short[] held = t.recent;
        t.recent = new short[0];
        t.voicedRunSamples = 0;
        append(t, held, events);
    }

    private void append(SpeakerTrack t, short[] samples, List<SpeechEvent> events) {
        t.utteranceSamples += samples.length;
        short[] pending = Pcm.concat(t.pendingChunk, samples);
        int off = 0;
        while (pending.length - off >= chunkSamples) {
            events.add(chunk(t, Arrays.copyOfRange(pending, off, off + chunkSamples)));
            off += chunkSamples;
        }
        t.pendingChunk = Arrays.copyOfRange(pending, off, pending.length);
    }

    private void end(SpeakerTrack t, long nowMs, List<SpeechEvent> events) {
        if (t.pendingChunk.length > 0) {
            events.add(chunk(t, t.pendingChunk));
        }
        TurnTimings timings = TurnTimings.newBuilder()
                .setSpeechEndMs(t.lastVoicedCaptureMs)
                .setVadEndMs(nowMs)
                .build();
        events.add(event(t, SpeechEnded.newBuilder()
                .setTurnId(t.utteranceId)
                .setChunkCount(t.chunkIndex)
                .setTimings(timings)
                .build()));
        t.speaking = false;
        t.utteranceId = null;
        t.utteranceSamples = 0;
        t.chunkIndex = 0;
        t.pendingChunk = new short[0];
        t.recent = new short[0];
        t.voicedRunSamples = 0;
    }

    private SpeechEvent chunk(SpeakerTrack t, short[] samples) {
        return event(t, SpeechAudio.newBuilder()
                .setChunkIndex(t.chunkIndex++)
                .setPcm16k(ByteBuffer.wrap(Pcm.toBytes(samples)))
                .build());
    }

    private static SpeechEvent event(SpeakerTrack t, Object body) {
        return SpeechEvent.newBuilder()
                .setSessionId(t.sessionId)
                .setSpeakerId(t.speakerId)
                .setUtteranceId(t.utteranceId)
                .setEvent(body)
                .build();
    }

    private static short[] keepTail(short[] samples, int max) {
        return samples.length <= max ? samples : Arrays.copyOfRange(samples, samples.length - max, samples.length);
    }

    private int samples(int ms) {
        return (int) ((long) ms * sampleRate / 1000);
    }

    private long millis(int samples) {
        return (long) samples * 1000 / sampleRate;
    }
}
