package dev.glyphoxa.tts.provider.elevenlabs;

import java.nio.ByteBuffer;

/**
 * Turns a byte stream of 16-bit little-endian PCM into samples. HTTP chunk boundaries fall anywhere, so a chunk
 * may end in the middle of a sample: its first byte is kept until the next chunk brings the second.
 */
final class PcmAssembler {

    private int pendingLow = -1;

    /** The whole samples that {@code bytes} completes, in order. */
    short[] add(ByteBuffer bytes) {
        int available = bytes.remaining() + (pendingLow >= 0 ? 1 : 0);
        short[] out = new short[available / 2];
        int i = 0;
        if (pendingLow >= 0 && bytes.hasRemaining()) {
            out[i++] = (short) (pendingLow | (bytes.get() << 8));
            pendingLow = -1;
        }
        while (bytes.remaining() >= 2) {
            int low = bytes.get() & 0xff;
            out[i++] = (short) (low | (bytes.get() << 8));
        }
        if (bytes.hasRemaining()) {
            pendingLow = bytes.get() & 0xff;
        }
        return out;
    }

    /** Whether half a sample is still waiting: at the end of a stream that means the stream was cut. */
    boolean hasPartialSample() {
        return pendingLow >= 0;
    }
}
