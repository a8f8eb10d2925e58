package dev.glyphoxa.vad;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpusDecoderTest {

    /** 1 s of a 440 Hz tone at 48 kHz, as 50 Opus packets. */
    private static byte[][] tone(int channels) {
        byte[][] packets = new byte[50][];
        try (OpusCodec.Encoder enc = OpusCodec.encoder(channels, 64_000)) {
            for (int p = 0; p < packets.length; p++) {
                short[] frame = new short[OpusCodec.FRAME_SAMPLES * channels];
                for (int i = 0; i < OpusCodec.FRAME_SAMPLES; i++) {
                    double t = (p * OpusCodec.FRAME_SAMPLES + i) / 48_000.0;
                    short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * t));
                    for (int c = 0; c < channels; c++) {
                        frame[i * channels + c] = v;
                    }
                }
                packets[p] = enc.encode(frame);
            }
        }
        return packets;
    }

    @Test
    void monoAndStereoPacketsBecomeMono16kHz() {
        try (OpusDecoder decoder = new OpusDecoder(16_000)) {
            for (int channels : new int[]{1, 2}) {
                short[] all = new short[0];
                for (byte[] packet : tone(channels)) {
                    all = Pcm.concat(all, decoder.decode("speaker-" + channels, packet));
                }
                assertThat(all.length).as("%d channels: 1 s at 16 kHz", channels).isBetween(15_990, 16_000);
                assertThat(Pcm.rms(java.util.Arrays.copyOfRange(all, 4000, 16_000)))
                        .as("tone amplitude 8000 → rms ~5660").isBetween(4000.0, 7000.0);
            }
            assertThat(decoder.size()).isEqualTo(2);
            decoder.evict("speaker-1");
            assertThat(decoder.size()).isEqualTo(1);
        }
    }

    @Test
    void corruptAndEmptyPacketsAreRejected() {
        try (OpusDecoder decoder = new OpusDecoder(16_000)) {
            assertThatThrownBy(() -> decoder.decode("a", new byte[]{0x03})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("corrupt Opus packet");
            assertThatThrownBy(() -> decoder.decode("a", new byte[0])).hasMessageContaining("empty Opus packet");
        }
    }
}
