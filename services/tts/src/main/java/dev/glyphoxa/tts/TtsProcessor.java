package dev.glyphoxa.tts;

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
 * Speaks one NpcLine and emits its Opus packets to {@code glyphoxa.voice.out}, each as soon as it is encoded (for a
 * streaming engine, while the rest of the line is still arriving). Keeps no state: a line re-processed after a crash
 * produces the same (turn, line, packet) numbering, which the voice-bridge de-duplicates.
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
        boolean speakable = SpeechText.isSpeakable(text);
        if (!speakable && !line.getLastInTurn()) {
            return;
        }
        try (SpeechPacketizer.PacketStream out = packetizer.open((index, last, packet) -> emit(sessionId, line, index, last, packet))) {
            // nothing to say in a turn's last line still yields one packet of silence: the bridge must learn the turn is over
            if (speakable) {
                voices.speak(text, line.getVoice(), out);
            }
            out.finish();
        }
    }

    private void emit(String sessionId, NpcLine line, int index, boolean lastInLine, byte[] packet) {
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
