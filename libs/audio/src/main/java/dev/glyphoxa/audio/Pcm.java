package dev.glyphoxa.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between 16-bit little-endian PCM bytes, shorts and floats. */
public final class Pcm {

    private Pcm() {
    }

    public static byte[] toBytes(short[] samples) {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(samples);
        return buf.array();
    }

    public static short[] toShorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    public static float[] toFloats(short[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] / 32768f;
        }
        return out;
    }

    public static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }

    /** Averages interleaved channels down to mono. */
    public static short[] downmix(short[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved;
        }
        short[] out = new short[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            out[i] = (short) (sum / channels);
        }
        return out;
    }

    public static double rms(short[] samples) {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    public static short[] concat(short[] a, short[] b) {
        short[] out = new short[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
