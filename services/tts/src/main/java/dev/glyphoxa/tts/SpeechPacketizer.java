package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Resampler;
import dev.glyphoxa.audio.Wav;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts synthesised speech into what Discord plays: 48 kHz mono, 20 ms frames (the last one zero-padded), each
 * Opus-encoded. One encoder per line, because a line is its own Opus stream: a line re-processed on another
 * instance then encodes to the same packets.
 *
 * <p>{@link #open} packetizes incrementally, for engines that stream: PCM pieces of any length go in as they
 * arrive, and each packet goes out as soon as the frame after it is complete. One packet is held back because
 * only at the end is it known which packet is the line's last.
 */
public final class SpeechPacketizer {

    private final int bitrate;

    public SpeechPacketizer(int bitrate) {
        if (bitrate < 6_000 || bitrate > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6000..510000 bit/s, got " + bitrate);
        }
        this.bitrate = bitrate;
    }

    /** Receives each packet in order, with its index in the line and whether it is the line's last. */
    @FunctionalInterface
    public interface PacketSink {
        void accept(int index, boolean last, byte[] packet);
    }

    /** Starts a line's packet stream; {@link PacketStream#finish()} ends it, {@link PacketStream#close()} frees it. */
    public PacketStream open(PacketSink sink) {
        return new PacketStream(OpusCodec.encoder(1, bitrate), sink);
    }

    /**
     * Encodes a whole clip frame by frame and hands each packet on at once. At least one packet: an empty clip
     * becomes 20 ms of silence, so even "nothing to say" can carry flags.
     */
    public void packetize(Wav.Clip clip, PacketSink sink) {
        try (PacketStream stream = open(sink)) {
            stream.writeClip(clip);
            stream.finish();
        }
    }

    /** All packets of the clip (at least one). */
    public List<byte[]> packetize(Wav.Clip clip) {
        List<byte[]> packets = new ArrayList<>();
        packetize(clip, (index, last, packet) -> packets.add(packet));
        return packets;
    }

    /** One 20 ms packet of silence. */
    public byte[] silence() {
        return packetize(new Wav.Clip(new short[0], OpusCodec.SAMPLE_RATE)).getFirst();
    }

    /**
     * One line's packets. Audio may come from several sources in turn (a cloud stream cut mid-way, then the whole
     * line again from the offline voice): numbering and the Opus stream simply continue. Not thread-safe.
     */
    public static final class PacketStream implements AutoCloseable {

        private final OpusCodec.Encoder encoder;
        private final PacketSink sink;
        private final short[] frame = new short[OpusCodec.FRAME_SAMPLES];
        private int filled;
        private Resampler resampler;
        private byte[] held;
        private int sent;
        private boolean finished;

        private PacketStream(OpusCodec.Encoder encoder, PacketSink sink) {
            this.encoder = encoder;
            this.sink = sink;
        }

        /**
         * The next piece of a streamed source. Resampled with a streaming resampler that keeps its filter history
         * between pieces, so the packets do not depend on how the source was cut into pieces. The stream lags by
         * the filter's delay (well under 1 ms at the rates engines deliver).
         */
        public void write(Wav.Clip piece) {
            if (resampler != null && resampler.inRate() != piece.sampleRate()) {
                endSource();
            }
            if (resampler == null) {
                resampler = new Resampler(piece.sampleRate(), OpusCodec.SAMPLE_RATE);
            }
            add(resampler.process(piece.samples()));
        }

        /** The streamed source ended: pushes the resampler's last samples out (2 ms of zeros outlast its filter). */
        public void endSource() {
            if (resampler != null && resampler.inRate() != OpusCodec.SAMPLE_RATE) {
                add(resampler.process(new short[resampler.inRate() / 500 + 1]));
            }
            resampler = null;
        }

        /** A whole clip, resampled at once without the streaming delay (the offline engines' path). */
        public void writeClip(Wav.Clip clip) {
            endSource();
            add(Resampler.convert(clip.samples(), clip.sampleRate(), OpusCodec.SAMPLE_RATE));
        }

        /** Packets handed to the sink so far (the held-back one not included). */
        public int packetsSent() {
            return sent;
        }

        /** Pads and encodes what is left and emits the line's last packet: at least one per line. */
        public void finish() {
            if (finished) {
                throw new IllegalStateException("packet stream already finished");
            }
            endSource();
            if (filled > 0 || held == null) {
                Arrays.fill(frame, filled, frame.length, (short) 0);
                encode();
            }
            finished = true;
            sink.accept(sent++, true, held);
            held = null;
        }

        private void add(short[] pcm) {
            if (finished) {
                throw new IllegalStateException("packet stream already finished");
            }
            int from = 0;
            while (from < pcm.length) {
                int n = Math.min(pcm.length - from, frame.length - filled);
                System.arraycopy(pcm, from, frame, filled, n);
                filled += n;
                from += n;
                if (filled == frame.length) {
                    encode();
                }
            }
        }

        private void encode() {
            byte[] packet = encoder.encode(frame);
            filled = 0;
            if (held != null) {
                sink.accept(sent++, false, held);
            }
            held = packet;
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
