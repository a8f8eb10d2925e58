package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Resampler;
import dev.glyphoxa.audio.Wav;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @Test
    void wholeClipsEncodeExactlyFrameByFrame() {
        // what the offline engines got before packetizing became incremental: resample the clip, then 20 ms frames
        Wav.Clip clip = new Wav.Clip(Sound.tone(300, 22_050, 22_050 * 7 / 10, 5000), 22_050);
        short[] pcm = Resampler.convert(clip.samples(), clip.sampleRate(), OpusCodec.SAMPLE_RATE);
        List<byte[]> expected = new ArrayList<>();
        try (OpusCodec.Encoder encoder = OpusCodec.encoder(1, 40_000)) {
            for (int from = 0; from < pcm.length; from += OpusCodec.FRAME_SAMPLES) {
                expected.add(encoder.encode(Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + OpusCodec.FRAME_SAMPLES))));
            }
        }
        List<byte[]> actual = packetizer.packetize(clip);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i));
        }
    }

    @ParameterizedTest(name = "1000 ms at {0} Hz")
    @CsvSource({"16000", "22050", "24000", "44100", "48000"})
    void streamedPiecesOfAnySizeGiveTheSamePackets(int rate) {
        short[] in = Sound.tone(440, rate, rate, 8000);
        List<byte[]> whole = streamed(in, rate, in.length);
        for (int piece : new int[]{1, 333, 4801}) {
            List<byte[]> cut = streamed(in, rate, piece);
            assertThat(cut).as("pieces of %d samples", piece).hasSameSizeAs(whole);
            for (int i = 0; i < cut.size(); i++) {
                assertThat(cut.get(i)).isEqualTo(whole.get(i));
            }
        }
        // one second is 50 frames; the streaming resampler's delay and flushed tail add a few ms at most
        assertThat(whole.size()).isBetween(50, 51);
        short[] out = Sound.decode(whole, null);
        short[] middle = Arrays.copyOfRange(out, 48_000 / 10, out.length - 48_000 / 10);
        assertThat(Pcm.rms(middle)).isCloseTo(Pcm.rms(in), within(Pcm.rms(in) * 0.15));
    }

    @Test
    void packetsLeaveWhileAudioIsStillComingAndOnlyTheLastIsMarked() {
        List<String> log = new ArrayList<>();
        try (SpeechPacketizer.PacketStream stream = packetizer.open((index, last, packet) -> log.add(index + (last ? " last" : "")))) {
            // 3 frames' worth: the first two packets go out at once, the third waits to learn whether it is the last
            stream.write(new Wav.Clip(Sound.tone(300, 24_000, 3 * 480, 5000), 24_000));
            assertThat(log).containsExactly("0", "1");
            stream.write(new Wav.Clip(Sound.tone(300, 24_000, 480, 5000), 24_000));
            assertThat(log).containsExactly("0", "1", "2");
            stream.finish();
            assertThat(log).last().asString().endsWith(" last");
            assertThat(log).filteredOn(e -> e.endsWith("last")).hasSize(1);
            assertThatThrownBy(stream::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSecondSourceContinuesTheNumbering() {
        List<Integer> indexes = new ArrayList<>();
        List<byte[]> packets = new ArrayList<>();
        try (SpeechPacketizer.PacketStream stream = packetizer.open((index, last, packet) -> {
            indexes.add(index);
            packets.add(packet);
        })) {
            stream.write(new Wav.Clip(Sound.tone(440, 24_000, 24_000 / 5, 8000), 24_000)); // 200 ms, then cut
            stream.endSource();
            stream.writeClip(new Wav.Clip(Sound.tone(220, 16_000, 16_000, 8000), 16_000));  // 1 s from the fallback
            stream.finish();
        }
        assertThat(indexes).isEqualTo(IntStream.range(0, indexes.size()).boxed().toList());
        assertThat(indexes.size()).isBetween(60, 61);
        assertThat(Sound.decode(packets, null)).hasSize(packets.size() * OpusCodec.FRAME_SAMPLES);
    }

    private List<byte[]> streamed(short[] samples, int rate, int piece) {
        List<byte[]> packets = new ArrayList<>();
        try (SpeechPacketizer.PacketStream stream = packetizer.open((index, last, packet) -> packets.add(packet))) {
            for (int off = 0; off < samples.length; off += piece) {
                stream.write(new Wav.Clip(Arrays.copyOfRange(samples, off, Math.min(samples.length, off + piece)), rate));
            }
            stream.finish();
        }
        return packets;
    }
}
