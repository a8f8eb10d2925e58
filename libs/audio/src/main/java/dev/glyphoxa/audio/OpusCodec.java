package dev.glyphoxa.audio;

import club.minnced.opus.util.OpusLibrary;
import com.sun.jna.ptr.PointerByReference;
import tomp2p.opuswrapper.Opus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Opus at Discord's framing: 48 kHz, 20 ms (960 samples per channel). One encoder or decoder per stream;
 * instances hold native state and must be closed. Not thread-safe.
 */
public final class OpusCodec {

    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_MS = 20;
    public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS / 1000;
    private static final int MAX_PACKET = 4000;

    private OpusCodec() {
    }

    static synchronized void load() {
        if (!OpusLibrary.isInitialized()) {
            try {
                if (!OpusLibrary.loadFromJar()) {
                    throw new IllegalStateException("libopus is not available for this platform");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot load libopus: " + e.getMessage(), e);
            }
        }
    }

    public static Encoder encoder(int channels, int bitrate) {
        return new Encoder(channels, bitrate);
    }

    public static Decoder decoder(int channels) {
        return new Decoder(channels);
    }

    public static final class Encoder implements AutoCloseable {
        private final int channels;
        private PointerByReference state;

        private Encoder(int channels, int bitrate) {
            load();
            this.channels = channels;
            IntBuffer err = IntBuffer.allocate(1);
            this.state = Opus.INSTANCE.opus_encoder_create(SAMPLE_RATE, channels, Opus.OPUS_APPLICATION_VOIP, err);
            check(err.get(0), "opus_encoder_create");
            Opus.INSTANCE.opus_encoder_ctl(state, Opus.OPUS_SET_BITRATE_REQUEST, bitrate);
        }

        /** Encodes one 20 ms frame (960 samples per channel, interleaved); shorter input is zero-padded. */
        public byte[] encode(short[] frame) {
            short[] full = frame.length == FRAME_SAMPLES * channels ? frame : java.util.Arrays.copyOf(frame, FRAME_SAMPLES * channels);
            ByteBuffer out = ByteBuffer.allocateDirect(MAX_PACKET);
            int n = Opus.INSTANCE.opus_encode(state, ShortBuffer.wrap(full), FRAME_SAMPLES, out, MAX_PACKET);
            check(n, "opus_encode");
            byte[] packet = new byte[n];
            out.get(packet);
            return packet;
        }

        @Override
        public void close() {
            if (state != null) {
                Opus.INSTANCE.opus_encoder_destroy(state);
                state = null;
            }
        }
    }

    public static final class Decoder implements AutoCloseable {
        private final int channels;
        private PointerByReference state;

        private Decoder(int channels) {
            load();
            this.channels = channels;
            IntBuffer err = IntBuffer.allocate(1);
            this.state = Opus.INSTANCE.opus_decoder_create(SAMPLE_RATE, channels, err);
            check(err.get(0), "opus_decoder_create");
        }

        /** Decodes one packet to interleaved PCM at 48 kHz; throws {@link IllegalArgumentException} on a corrupt packet. */
        public short[] decode(byte[] packet) {
            ShortBuffer out = ShortBuffer.allocate(FRAME_SAMPLES * 6 * channels);
            int n = Opus.INSTANCE.opus_decode(state, packet, packet.length, out, FRAME_SAMPLES * 6, 0);
            if (n < 0) {
                throw new IllegalArgumentException("corrupt Opus packet (" + packet.length + " bytes, libopus error " + n + ")");
            }
            short[] pcm = new short[n * channels];
            out.get(pcm);
            return pcm;
        }

        @Override
        public void close() {
            if (state != null) {
                Opus.INSTANCE.opus_decoder_destroy(state);
                state = null;
            }
        }
    }

    private static void check(int code, String what) {
        if (code < 0) {
            throw new IllegalStateException(what + " failed with libopus error " + code);
        }
    }
}
