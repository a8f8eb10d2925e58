package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.voicebridge.BridgeSettings;
import dev.glyphoxa.voicebridge.VoicePacketPublisher;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a player's line from a WAV file into the pipeline as a microphone would: resampled to 48 kHz,
 * Opus-encoded in 20 ms packets and sent at real-time pace, each when its 20 ms have been "spoken" (the VAD's
 * end-of-speech timers run on wall clock).
 */
@Singleton
public class PlayerLineStreamer {

    @io.micronaut.serde.annotation.Serdeable
    public record Streamed(String speaker, int packets, double seconds, long lastCaptureMs) {
    }

    private final VoicePacketPublisher publisher;
    private final BridgeSettings settings;

    public PlayerLineStreamer(VoicePacketPublisher publisher, BridgeSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    /** Reads the file first, so an unreadable file fails before anything is sent. Blocks for the line's duration. */
    public Streamed stream(String sessionId, String speakerId, Path wav) throws IOException {
        Wav.Clip clip = Wav.readAs(wav, OpusCodec.SAMPLE_RATE);
        short[] samples = clip.samples();
        int frames = (samples.length + OpusCodec.FRAME_SAMPLES - 1) / OpusCodec.FRAME_SAMPLES;
        long start = System.nanoTime();
        long lastCapture = 0;
        try (OpusCodec.Encoder encoder = OpusCodec.encoder(1, settings.opusBitrate())) {
            for (int i = 0; i < frames; i++) {
                // A microphone has a frame only once it is recorded: frame i leaves at the end of its 20 ms, and
                // its capture time (what the VAD counts silence from) is that end, as for a packet from Discord.
                long due = start + (i + 1) * (OpusCodec.FRAME_MS * 1_000_000L);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int from = i * OpusCodec.FRAME_SAMPLES;
                short[] frame = Arrays.copyOfRange(samples, from, from + OpusCodec.FRAME_SAMPLES);
                lastCapture = System.currentTimeMillis();
                publisher.publish(sessionId, speakerId, encoder.encode(frame), 1, lastCapture);
            }
        }
        return new Streamed(speakerId, frames, clip.seconds(), lastCapture);
    }
}
