package dev.glyphoxa.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioTest {

    static short[] tone(double hz, int rate, double seconds, double amplitude) {
        short[] s = new short[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** Goertzel power of one frequency, normalised by length. */
    static double power(short[] s, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate, c = 2 * Math.cos(w), s1 = 0, s2 = 0;
        for (short v : s) {
            double s0 = v + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - c * s1 * s2) / ((double) s.length * s.length);
    }

    @Test
    void downsamplingKeepsPassBandAndRemovesAliases() {
        short[] in = Pcm.concat(tone(1000, 48000, 1, 8000), new short[0]);
        short[] alias = tone(11000, 48000, 1, 8000); // above 8 kHz Nyquist of 16 kHz: must be filtered out
        short[] mixed = new short[in.length];
        for (int i = 0; i < in.length; i++) {
            mixed[i] = (short) (in[i] + alias[i]);
        }
        short[] out = Resampler.convert(mixed, 48000, 16000);
        assertThat(out.length).isBetween(15990, 16010);
        double pass = power(out, 1000, 16000);
        double aliased = power(out, 5000, 16000); // 11 kHz folds to 5 kHz when unfiltered
        assertThat(aliased / pass).isLessThan(1e-4);
    }

    @Test
    void streamingInFramesEqualsWholeClip() {
        short[] in = tone(440, 48000, 0.5, 10000);
        Resampler r = new Resampler(48000, 16000);
        short[] streamed = new short[0];
        for (int off = 0; off < in.length; off += 960) {
            streamed = Pcm.concat(streamed, r.process(java.util.Arrays.copyOfRange(in, off, Math.min(in.length, off + 960))));
        }
        assertThat(streamed.length).isEqualTo(in.length / 3);
        Resampler whole = new Resampler(48000, 16000);
        assertThat(whole.process(in)).containsExactly(streamed);
    }

    @Test
    void oddRatioUpsamplingPreservesTone() {
        short[] out = Resampler.convert(tone(500, 22050, 1, 8000), 22050, 48000);
        assertThat(out.length).isBetween(47990, 48010);
        assertThat(power(out, 500, 48000)).isGreaterThan(100 * power(out, 3000, 48000));
    }

    @Test
    void opusRoundTripPreservesSignal() {
        short[] in = tone(440, 48000, 0.2, 8000);
        try (OpusCodec.Encoder enc = OpusCodec.encoder(1, 64000); OpusCodec.Decoder dec = OpusCodec.decoder(1)) {
            short[] decoded = new short[0];
            for (int off = 0; off < in.length; off += OpusCodec.FRAME_SAMPLES) {
                byte[] packet = enc.encode(java.util.Arrays.copyOfRange(in, off, off + OpusCodec.FRAME_SAMPLES));
                assertThat(packet.length).isBetween(3, 400);
                decoded = Pcm.concat(decoded, dec.decode(packet));
            }
            assertThat(decoded.length).isEqualTo(in.length);
            assertThat(Pcm.rms(decoded)).isBetween(Pcm.rms(in) * 0.7, Pcm.rms(in) * 1.3);
        }
    }

    @Test
    void stereoDecoderReadsMonoPacketsAndCorruptPacketIsRejected() {
        try (OpusCodec.Encoder enc = OpusCodec.encoder(1, 64000); OpusCodec.Decoder dec = OpusCodec.decoder(2)) {
            short[] pcm = dec.decode(enc.encode(tone(440, 48000, 0.02, 8000)));
            assertThat(pcm.length).isEqualTo(OpusCodec.FRAME_SAMPLES * 2);
            assertThatThrownBy(() -> dec.decode(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void wavRoundTripAndClearErrorForNonWav(@TempDir Path dir) throws IOException {
        Wav.Clip clip = new Wav.Clip(tone(300, 22050, 0.3, 5000), 22050);
        Path f = dir.resolve("a.wav");
        Wav.write(f, clip);
        Wav.Clip back = Wav.read(f);
        assertThat(back.sampleRate()).isEqualTo(22050);
        assertThat(back.samples()).containsExactly(clip.samples());
        assertThat(Wav.readAs(f, 48000).samples().length).isBetween(14390, 14410);

        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "hello");
        assertThatThrownBy(() -> Wav.read(bad)).isInstanceOf(Wav.UnreadableAudioException.class)
                .hasMessageContaining("bad.wav");
        assertThatThrownBy(() -> Wav.read(dir.resolve("missing.wav"))).hasMessageContaining("does not exist");
    }
}
