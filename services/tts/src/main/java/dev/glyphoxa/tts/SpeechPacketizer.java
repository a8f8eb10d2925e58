package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Resampler;
import dev.glyphoxa.audio.Wav;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a synthesised clip into what Discord plays: 48 kHz mono, 20 ms frames (the last one zero-padded), each
 * Opus-encoded. One encoder per clip, because a line is its own Opus stream: a line re-processed on another
 * instance then encodes to the same packets.
 */
public final class SpeechPacketizer {

    private final int bitrate;

    public SpeechPacketizer(int bitrate) {
        if (bitrate < 6_000 || bitrate > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6000..510000 bit/s, got " + bitrate);
        }
        this.bitrate = bitrate;
    }

    /** Receives each packet as soon as it is encoded, with its index and the clip's packet count. */
    @FunctionalInterface
    public interface PacketSink {
        void accept(int index, int count, byte[] packet);
    }

    /**
     * Encodes the clip frame by frame and hands each packet on at once, so the first packet can leave before the
     * rest of the line is encoded. At least one packet: an empty clip becomes 20 ms of silence, so even "nothing
     * to say" can carry flags.
     */
    public void packetize(Wav.Clip clip, PacketSink sink) {
        short[] pcm = Resampler.convert(clip.samples(), clip.sampleRate(), OpusCodec.SAMPLE_RATE);
        int frames = Math.max(1, (pcm.length + OpusCodec.FRAME_SAMPLES - 1) / OpusCodec.FRAME_SAMPLES);
        try (OpusCodec.Encoder encoder = OpusCodec.encoder(1, bitrate)) {
            for (int f = 0; f < frames; f++) {
                int from = f * OpusCodec.FRAME_SAMPLES;
                int to = Math.min(pcm.length, from + OpusCodec.FRAME_SAMPLES);
                short[] frame = from >= to ? new short[OpusCodec.FRAME_SAMPLES] : Arrays.copyOfRange(pcm, from, to);
                sink.accept(f, frames, encoder.encode(frame));
            }
        }
    }

    /** All packets of the clip (at least one). */
    public List<byte[]> packetize(Wav.Clip clip) {
        List<byte[]> packets = new ArrayList<>();
        packetize(clip, (index, count, packet) -> packets.add(packet));
        return packets;
    }

    /** One 20 ms packet of silence. */
    public byte[] silence() {
        return packetize(new Wav.Clip(new short[0], OpusCodec.SAMPLE_RATE)).getFirst();
    }
}
