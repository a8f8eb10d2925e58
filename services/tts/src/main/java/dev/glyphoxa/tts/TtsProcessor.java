package dev.glyphoxa.tts;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.tts.provider.SpeechText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * Speaks one NpcLine and emits its Opus packets to {@code glyphoxa.voice.out}, each as soon as it is encoded (for a
 * streaming engine, while the rest of the line is still arriving). Keeps no state: a line re-processed after a crash
 * produces the same (turn, line, packet) numbering, which the voice-bridge de-duplicates.
 *
 * <p>A line of a turn the voice-bridge has cut ({@link CutTurns}) is not spoken, and a line being spoken when its
 * turn is cut stops at the next packet, without a last packet: the bridge plays nothing more of that turn anyway.
 * Both are counted in {@code glyphoxa.tts.cut.lines{at="before"|"during"}}.
 */
final class TtsProcessor extends GuardedProcessor<NpcLine> {

    static final String CUT_LINES = "glyphoxa.tts.cut.lines";
    private static final Logger LOG = LoggerFactory.getLogger(TtsProcessor.class);
    private static final String SINK = TopologyParts.sinkName(Topics.VOICE_OUT);

    private final VoiceRouter voices;
    private final SpeechPacketizer packetizer;
    private final int maxTextChars;
    private final CutTurns cutTurns;
    private final MeterRegistry registry;

    TtsProcessor(VoiceRouter voices, SpeechPacketizer packetizer, int maxTextChars, CutTurns cutTurns,
                 StageFailures failures) {
        super(Topics.NPC_LINES, failures);
        this.voices = voices;
        this.packetizer = packetizer;
        this.maxTextChars = maxTextChars;
        this.cutTurns = cutTurns;
        this.registry = failures.registry();
    }

    /** Thrown from the packet sink to abandon the synthesis of a line whose turn was cut; stack-less control flow. */
    private static final class TurnWasCut extends RuntimeException {
        TurnWasCut() {
            super("turn cut", null, false, false);
        }
    }

    @Override
    protected void handle(String sessionId, NpcLine line, long timestamp) {
        validate(sessionId, line);
        String text = SpeechText.clean(line.getText());
        boolean speakable = SpeechText.isSpeakable(text);
        if (!speakable && !line.getLastInTurn()) {
            return;
        }
        if (cutTurns.isCut(sessionId, line.getTurnId())) {
            counted("before");
            LOG.debug("session {} turn {}: cut; line {} not spoken", sessionId, line.getTurnId(), line.getSequence());
            return;
        }
        int[] sent = {0};
        try (SpeechPacketizer.PacketStream out = packetizer.open((index, last, packet) -> {
            if (cutTurns.isCut(sessionId, line.getTurnId())) {
                throw new TurnWasCut();
            }
            emit(sessionId, line, index, last, packet);
            sent[0]++;
        })) {
            // nothing to say in a turn's last line still yields one packet of silence: the bridge must learn the turn is over
            if (speakable) {
                voices.speak(text, line.getVoice(), out);
            }
            out.finish();
        } catch (TurnWasCut cut) {
            counted("during");
            LOG.debug("session {} turn {}: cut while line {} was spoken; stopped after {} packet(s)", sessionId,
                    line.getTurnId(), line.getSequence(), sent[0]);
        }
    }

    private void counted(String at) {
        Counter.builder(CUT_LINES).tag("at", at).description("NPC lines not spoken, or stopped, because their turn was cut")
                .register(registry).increment();
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
