package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.voicebridge.TestAudio;
import net.dv8tion.jda.api.audio.OpusPacket;
import net.dv8tion.jda.internal.audio.AudioPacket;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReceivedAudioMapperTest {

    static final long BOT = 999L;
    static final long ALICE = 111L;
    static final long BOB = 222L;

    static byte[] bytes(VoicePacket p) {
        ByteBuffer b = p.getOpus().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void twoSpeakersStaySeparateAndInOrder() {
        List<byte[]> alice = TestAudio.tone(220, 25, 2);
        List<byte[]> bob = TestAudio.tone(440, 25, 2);
        ReceivedAudioMapper mapper = new ReceivedAudioMapper("s1", BOT);
        List<VoicePacket> out = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Alice's RTP sequence wraps past 65535 half-way; the packets of both arrive interleaved.
            mapper.map(ALICE, 11, (65_530 + i) & 0xffff, alice.get(i), 1_000 + 20L * i).ifPresent(out::add);
            mapper.map(BOB, 22, 100 + i, bob.get(i), 1_005 + 20L * i).ifPresent(out::add);
        }

        var bySpeaker = out.stream().collect(Collectors.groupingBy(VoicePacket::getSpeakerId));
        assertThat(bySpeaker).containsOnlyKeys("111", "222");
        assertThat(bySpeaker.get("111")).extracting(VoicePacket::getSequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(bySpeaker.get("222")).extracting(VoicePacket::getSequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 25).boxed().toList());
        assertThat(bySpeaker.get("111").stream().map(ReceivedAudioMapperTest::bytes)).containsExactlyElementsOf(alice);
        assertThat(bySpeaker.get("222").stream().map(ReceivedAudioMapperTest::bytes)).containsExactlyElementsOf(bob);
        assertThat(out).allSatisfy(p -> {
            assertThat(p.getSessionId()).isEqualTo("s1");
            assertThat(p.getChannels()).isEqualTo(2);
        });
        assertThat(bySpeaker.get("222").get(3).getCaptureTsMs()).isEqualTo(1_065);
        // Each speaker's stream decodes to that speaker's voice, not a mix of both.
        assertThat(TestAudio.dominantHz(bySpeaker.get("111").stream().map(ReceivedAudioMapperTest::bytes).toList(), 2))
                .isCloseTo(220, within(15.0));
        assertThat(TestAudio.dominantHz(bySpeaker.get("222").stream().map(ReceivedAudioMapperTest::bytes).toList(), 2))
                .isCloseTo(440, within(15.0));
    }

    @Test
    void dropsTheBotsOwnUserAndSsrcAndUnpairedPackets() {
        byte[] opus = TestAudio.tone(220, 1, 2).getFirst();
        ReceivedAudioMapper mapper = new ReceivedAudioMapper("s1", BOT);
        mapper.ignoreSsrc(33);

        assertThat(mapper.map(BOT, 44, 1, opus, 0)).isEmpty();
        assertThat(mapper.map(ALICE, 33, 1, opus, 0)).as("the bot's SSRC, whoever it is paired with").isEmpty();
        assertThat(mapper.map(0, 55, 1, opus, 0)).as("SSRC not paired with a user yet").isEmpty();
        assertThat(mapper.map(ALICE, 11, 1, opus, 0)).isPresent();
        assertThat(mapper.dropped()).isEqualTo(3);

        mapper.ignoreUser(ALICE);   // the self id learnt when the gateway became ready
        assertThat(mapper.map(ALICE, 11, 2, opus, 0)).isEmpty();
    }

    @Test
    void lostPacketsLeaveAGapAndLateOrRepeatedOnesAreDropped() {
        byte[] opus = TestAudio.tone(220, 1, 2).getFirst();
        ReceivedAudioMapper mapper = new ReceivedAudioMapper("s1", BOT);
        List<Long> sequences = new ArrayList<>();
        for (int rtp : new int[]{10, 11, 13, 12, 13, 14}) {
            mapper.map(ALICE, 11, rtp, opus, 0).ifPresent(p -> sequences.add(p.getSequence()));
        }
        assertThat(sequences).containsExactly(0L, 1L, 3L, 4L);
        assertThat(mapper.dropped()).isEqualTo(2);
    }

    @Test
    void aNewStreamOfTheSameSpeakerContinuesTheNumbering() {
        byte[] opus = TestAudio.tone(220, 1, 2).getFirst();
        ReceivedAudioMapper mapper = new ReceivedAudioMapper("s1", BOT);
        List<Long> sequences = new ArrayList<>();
        mapper.map(ALICE, 11, 500, opus, 0).ifPresent(p -> sequences.add(p.getSequence()));
        mapper.map(ALICE, 11, 501, opus, 0).ifPresent(p -> sequences.add(p.getSequence()));
        mapper.map(ALICE, 12, 7, opus, 0).ifPresent(p -> sequences.add(p.getSequence()));   // client reconnected
        mapper.map(ALICE, 12, 8, opus, 0).ifPresent(p -> sequences.add(p.getSequence()));
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void receiveHandlerPublishesJdaOpusPacketsPerSpeaker() {
        List<byte[]> alice = TestAudio.tone(220, 3, 2);
        List<byte[]> bob = TestAudio.tone(440, 3, 2);
        List<VoicePacket> published = new ArrayList<>();
        DiscordReceiveHandler handler = new DiscordReceiveHandler(new ReceivedAudioMapper("s1", BOT), published::add, () -> 42L);
        assertThat(handler.canReceiveEncoded()).isTrue();
        assertThat(handler.canReceiveUser()).as("decoding is the VAD's job").isFalse();

        for (int i = 0; i < 3; i++) {
            handler.handleEncodedAudio(jdaPacket(ALICE, 11, 7 + i, alice.get(i)));
            handler.handleEncodedAudio(jdaPacket(BOB, 22, 900 + i, bob.get(i)));
            handler.handleEncodedAudio(jdaPacket(BOT, 33, 50 + i, bob.get(i)));
        }

        assertThat(published).extracting(p -> p.getSpeakerId() + "#" + p.getSequence())
                .containsExactly("111#0", "222#0", "111#1", "222#1", "111#2", "222#2");
        assertThat(published.stream().filter(p -> p.getSpeakerId().equals("111")).map(ReceivedAudioMapperTest::bytes))
                .containsExactlyElementsOf(alice);
        assertThat(published).allSatisfy(p -> assertThat(p.getCaptureTsMs()).isEqualTo(42L));
    }

    /** What JDA hands the receive handler after decryption: RTP header fields plus the Opus payload. */
    static OpusPacket jdaPacket(long userId, int ssrc, int sequence, byte[] opus) {
        return new OpusPacket(new AudioPacket((char) sequence, sequence * 960, ssrc, ByteBuffer.wrap(opus)), userId, null);
    }
}
