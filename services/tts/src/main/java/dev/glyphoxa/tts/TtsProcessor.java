package dev.glyphoxa.tts;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.tts.provider.SpeechText;

import java.nio.ByteBuffer;

/**
 * Speaks one NpcLine and emits its Opus packets to {@code glyphoxa.voice.out}. Keeps no state: a line re-processed
 * after a crash produces the same (turn, line, packet) numbering, which the voice-bridge de-duplicates.
 */
final class TtsProcessor extends GuardedProcessor<NpcLine> {

    private static final String SINK = TopologyParts.sinkName(Topics.VOICE_OUT);

    private final VoiceRouter voices;
    private final SpeechPacketizer packetizer;
    private final int maxTextChars;

    TtsProcessor(VoiceRouter voices, SpeechPacketizer packetizer, int maxTextChars, StageFailures failures) {
        super(Topics.NPC_LINES, failures);
        this.voices = voices;
        this.packetizer = packetizer;
        this.maxTextChars = maxTextChars;
    }

    @Override
    protected void handle(String sessionId, NpcLine line, long timestamp) {
        validate(sessionId, line);
        String text = SpeechText.clean(line.getText());
        Wav.Clip clip;
        if (SpeechText.isSpeakable(text)) {
            clip = voices.synthesize(text, line.getVoice());
        } else if (line.getLastInTurn()) {
            // nothing to say, but the bridge must still learn that the turn is over: one packet of silence
            clip = new Wav.Clip(new short[0], OpusCodec.SAMPLE_RATE);
        } else {
            return;
        }
        packetizer.packetize(clip, (index, count, packet) -> {
            boolean lastInLine = index == count - 1;
            TurnTimings timings = index > 0 ? line.getTimings() : TurnTimings.newBuilder(line.getTimings())
                    .setTtsFirstAudioMs(context.currentSystemTimeMs()).build();
            emit(sessionId, NpcAudio.newBuilder()
                    .setSessionId(sessionId)
                    .setTurnId(line.getTurnId())
                    .setNpcId(line.getNpcId()).setNpcName(line.getNpcName())
                    .setLineSequence(line.getSequence())
                    .setPacketSequence(index)
                    .setLastInLine(lastInLine)
                    .setLastInTurn(lastInLine && line.getLastInTurn())
                    .setChannels(1)
                    .setOpus(ByteBuffer.wrap(packet))
                    .setTimings(timings)
                    .build(), SINK);
        });
    }

    private void validate(String sessionId, NpcLine line) {
        if (line.getTurnId().isBlank()) {
            throw new IllegalArgumentException("NpcLine has no turn_id");
        }
        if (line.getNpcId().isBlank()) {
            throw new IllegalArgumentException("NpcLine of turn " + line.getTurnId() + " has no npc_id");
        }
        if (line.getSequence() < 0) {
            throw new IllegalArgumentException("NpcLine of turn " + line.getTurnId() + " has negative sequence " + line.getSequence());
        }
        if (line.getText().length() > maxTextChars) {
            throw new IllegalArgumentException("NpcLine " + line.getTurnId() + "/" + line.getSequence() + " has "
                    + line.getText().length() + " characters, more than glyphoxa.tts.max-text-chars=" + maxTextChars);
        }
    }
}
