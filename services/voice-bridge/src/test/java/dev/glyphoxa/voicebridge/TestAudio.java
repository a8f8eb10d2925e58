package dev.glyphoxa.voicebridge;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Real Opus packets for tests: tones encoded with libopus at Discord's framing (48 kHz, 20 ms). */
public final class TestAudio {

    private TestAudio() {
    }

    /** {@code frames} packets of a sine tone, interleaved over {@code channels}, as a microphone would send. */
    public static List<byte[]> tone(double hz, int frames, int channels) {
        List<byte[]> packets = new ArrayList<>();
        try (OpusCodec.Encoder encoder = OpusCodec.encoder(channels, 64_000)) {
            for (int f = 0; f < frames; f++) {
                short[] pcm = new short[OpusCodec.FRAME_SAMPLES * channels];
                for (int i = 0; i < OpusCodec.FRAME_SAMPLES; i++) {
                    long n = (long) f * OpusCodec.FRAME_SAMPLES + i;
                    short v = (short) (8000 * Math.sin(2 * Math.PI * hz * n / OpusCodec.SAMPLE_RATE));
                    for (int c = 0; c < channels; c++) {
                        pcm[i * channels + c] = v;
                    }
                }
                packets.add(encoder.encode(pcm));
            }
        }
        return packets;
    }

    /** Decodes a speaker's packets and estimates the tone's frequency from zero crossings of the first channel. */
    public static double dominantHz(List<byte[]> packets, int channels) {
        List<Short> firstChannel = new ArrayList<>();
        try (OpusCodec.Decoder decoder = OpusCodec.decoder(channels)) {
            for (byte[] packet : packets) {
                short[] pcm = decoder.decode(packet);
                for (int i = 0; i < pcm.length; i += channels) {
                    firstChannel.add(pcm[i]);
                }
            }
        }
        int skip = 2 * OpusCodec.FRAME_SAMPLES;   // the decoder's start-up
        int crossings = 0;
        for (int i = skip + 1; i < firstChannel.size(); i++) {
            if ((firstChannel.get(i - 1) < 0) != (firstChannel.get(i) < 0)) {
                crossings++;
            }
        }
        double seconds = (firstChannel.size() - skip) / (double) OpusCodec.SAMPLE_RATE;
        return crossings / 2.0 / seconds;
    }

    public static NpcAudio npcPacket(String session, String turn, Long speechEndMs, int line, int seq,
                                     boolean lastInLine, boolean lastInTurn, byte[] opus) {
        return NpcAudio.newBuilder().setSessionId(session).setTurnId(turn).setNpcId("npc-grimjaw").setNpcName("Grimjaw")
                .setLineSequence(line).setPacketSequence(seq).setLastInLine(lastInLine).setLastInTurn(lastInTurn)
                .setChannels(1).setOpus(ByteBuffer.wrap(opus))
                .setTimings(TurnTimings.newBuilder().setSpeechEndMs(speechEndMs).build()).build();
    }

    /** One NPC line of {@code count} real Opus packets, the last one ending the turn. */
    public static List<NpcAudio> npcTurn(String session, String turn, Long speechEndMs, int count) {
        List<byte[]> opus = tone(330, count, 1);
        List<NpcAudio> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            out.add(npcPacket(session, turn, speechEndMs, 0, i, last, last, opus.get(i)));
        }
        return out;
    }
}
