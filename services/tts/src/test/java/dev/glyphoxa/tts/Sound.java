package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;

import java.util.Arrays;

/** Test helpers for looking at audio. */
public final class Sound {

    private Sound() {
    }

    public static short[] tone(double hz, int rate, int samples, double amplitude) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** RMS of 20 ms windows: the share of windows louder than {@code threshold}. */
    public static double voicedShare(short[] samples, int rate, double threshold) {
        int window = rate / 50;
        int voiced = 0, total = 0;
        for (int off = 0; off + window <= samples.length; off += window) {
            total++;
            if (Pcm.rms(Arrays.copyOfRange(samples, off, off + window)) > threshold) {
                voiced++;
            }
        }
        return total == 0 ? 0 : voiced / (double) total;
    }

    /** Decodes packets in order with one decoder, asserting nothing: returns all PCM. */
    public static short[] decode(Iterable<byte[]> packets, int[] frameSizes) {
        short[] all = new short[0];
        int i = 0;
        try (OpusCodec.Decoder d = OpusCodec.decoder(1)) {
            for (byte[] p : packets) {
                short[] pcm = d.decode(p);
                if (frameSizes != null) {
                    frameSizes[i] = pcm.length;
                }
                i++;
                all = Pcm.concat(all, pcm);
            }
        }
        return all;
    }
}
