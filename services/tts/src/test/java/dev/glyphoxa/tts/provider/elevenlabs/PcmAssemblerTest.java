package dev.glyphoxa.tts.provider.elevenlabs;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.tts.Sound;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PcmAssemblerTest {

    @Test
    void anyCutOfTheByteStreamGivesTheSameSamples() {
        short[] samples = Sound.tone(330, 24_000, 999, 20_000);
        samples[0] = Short.MIN_VALUE;
        samples[1] = -1;
        byte[] bytes = Pcm.toBytes(samples);
        for (int chunk : new int[]{1, 2, 3, 7, 64, 1997}) {
            PcmAssembler assembler = new PcmAssembler();
            short[] out = new short[0];
            for (int off = 0; off < bytes.length; off += chunk) {
                out = Pcm.concat(out, assembler.add(ByteBuffer.wrap(Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + chunk)))));
            }
            assertThat(out).as("chunks of %d bytes", chunk).isEqualTo(samples);
            assertThat(assembler.hasPartialSample()).isFalse();
        }
    }

    @Test
    void aTrailingOddByteWaitsForItsPartner() {
        PcmAssembler assembler = new PcmAssembler();
        assertThat(assembler.add(ByteBuffer.wrap(new byte[]{0x34, 0x12, 0x78}))).containsExactly((short) 0x1234);
        assertThat(assembler.hasPartialSample()).isTrue();
        assertThat(assembler.add(ByteBuffer.wrap(new byte[0]))).isEmpty();
        assertThat(assembler.add(ByteBuffer.wrap(new byte[]{(byte) 0xff}))).containsExactly((short) 0xff78);
        assertThat(assembler.hasPartialSample()).isFalse();
    }
}
