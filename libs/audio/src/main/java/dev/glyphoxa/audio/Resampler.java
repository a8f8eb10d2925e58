package dev.glyphoxa.audio;

/**
 * Streaming rational resampler: a polyphase, Kaiser-windowed sinc low-pass (about 70 dB stop band).
 *
 * <p>Written here because no maintained pure-Java resampler is published on Maven Central; the algorithm is the
 * textbook one (upsample by L, filter, downsample by M, computing only the outputs that survive). One instance
 * keeps the tail of the previous block, so a stream cut into 20 ms frames resamples without seams.
 * Not thread-safe: one instance per audio stream.
 */
public final class Resampler {

    private static final double STOP_BAND_DB = 70;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int tapsPerPhase;
    private final float[][] phases;
    private float[] history;
    private long position;

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double cutoff = 0.5 / Math.max(up, down);               // cycles per sample at the upsampled rate
        double transition = 0.15 * cutoff * 2;
        int n = (int) Math.ceil((STOP_BAND_DB - 8) / (2.285 * 2 * Math.PI * transition));
        this.tapsPerPhase = Math.max(8, (n + up - 1) / up);
        int total = tapsPerPhase * up;
        double fc = cutoff - transition / 2;
        double beta = 0.1102 * (STOP_BAND_DB - 8.7);
        double i0Beta = besselI0(beta);
        double centre = (total - 1) / 2.0;
        this.phases = new float[up][tapsPerPhase];
        for (int i = 0; i < total; i++) {
            double x = i - centre;
            double sinc = x == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
            double r = 2.0 * i / (total - 1) - 1;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            phases[i % up][i / up] = (float) (sinc * window * up);
        }
        this.history = new float[tapsPerPhase - 1];
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Resamples the next block of the stream; output length varies by at most one sample between calls. */
    public short[] process(short[] in) {
        if (up == down) {
            return in.clone();
        }
        int h = history.length;
        float[] buf = new float[h + in.length];
        System.arraycopy(history, 0, buf, 0, h);
        for (int i = 0; i < in.length; i++) {
            buf[h + i] = in[i];
        }
        long limit = (long) in.length * up;
        int count = (int) Math.max(0, (limit - position + down - 1) / down);
        short[] out = new short[count];
        int o = 0;
        while (position < limit) {
            int i = (int) (position / up);
            int p = (int) (position - (long) i * up);
            float[] taps = phases[p];
            int base = h + i;
            double acc = 0;
            for (int k = 0; k < tapsPerPhase; k++) {
                acc += taps[k] * buf[base - k];
            }
            out[o++] = Pcm.clip(acc);
            position += down;
        }
        position -= limit;
        System.arraycopy(buf, buf.length - h, history, 0, h);
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    /** Resamples a whole clip, flushing the filter delay so no tail is lost. */
    public static short[] convert(short[] in, int inRate, int outRate) {
        if (inRate == outRate) {
            return in.clone();
        }
        Resampler r = new Resampler(inRate, outRate);
        int delayIn = r.tapsPerPhase / 2 + 1;
        short[] padded = Pcm.concat(in, new short[delayIn]);
        short[] out = r.process(padded);
        int delayOut = (int) Math.round((double) (r.tapsPerPhase * r.up) / 2 / r.down);
        int expected = (int) ((long) in.length * outRate / inRate);
        int from = Math.min(delayOut, out.length);
        int to = Math.min(out.length, from + expected);
        return java.util.Arrays.copyOfRange(out, from, to);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
