package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Wav;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeechPacketizerTest {

    private final SpeechPacketizer packetizer = new SpeechPacketizer(40_000);

    @ParameterizedTest(name = "{0} ms at {1} Hz")
    @CsvSource({"20, 48000", "35, 48000", "1000, 48000", "1234, 48000", "1000, 32000", "777, 22050", "500, 16000"})
    void cutsIntoTwentyMillisecondPacketsThatDecodeToTheSameEnergy(int ms, int rate) {
        int samples = (int) ((long) ms * rate / 1000);
        short[] in = Sound.tone(440, rate, samples, 8000);
        List<byte[]> packets = packetizer.packetize(new Wav.Clip(in, rate));

        assertThat(packets).hasSize((ms + 19) / 20);
        int[] sizes = new int[packets.size()];
        short[] out = Sound.decode(packets, sizes);
        assertThat(sizes).containsOnly(OpusCodec.FRAME_SAMPLES);
        // compare a stretch well inside the clip: Opus adds a few ms of delay and the last frame is padded
        if (ms >= 500) {
            short[] middle = Arrays.copyOfRange(out, 48_000 / 10, out.length - 48_000 / 10);
            assertThat(Pcm.rms(middle)).isCloseTo(Pcm.rms(in), within(Pcm.rms(in) * 0.15));
        } else {
            assertThat(Pcm.rms(out)).isGreaterThan(Pcm.rms(in) * 0.2);
        }
    }

    @Test
    void emptyClipBecomesOneSilentPacket() {
        List<byte[]> packets = packetizer.packetize(new Wav.Clip(new short[0], 32_000));
        assertThat(packets).hasSize(1);
        int[] sizes = new int[1];
        assertThat(Pcm.rms(Sound.decode(packets, sizes))).isLessThan(1.0);
        assertThat(sizes[0]).isEqualTo(960);
        assertThat(Sound.decode(List.of(packetizer.silence()), null)).hasSize(960);
    }

    @Test
    void sameClipEncodesToSamePackets() {
        // a line re-processed on another instance must produce the same packets
        Wav.Clip clip = new Wav.Clip(Sound.tone(300, 32_000, 32_000, 5000), 32_000);
        List<byte[]> a = packetizer.packetize(clip);
        List<byte[]> b = packetizer.packetize(clip);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).isEqualTo(b.get(i));
        }
    }
}
