package dev.glyphoxa.tts;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stage.TopologyParts;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

/**
 * glyphoxa.npc.lines -> speak -> glyphoxa.voice.out (and glyphoxa.deadletter). No state stores; the turns the
 * voice-bridge cut come from {@link CutTurns}, fed by {@link PlaybackListener}.
 */
@Singleton
public class TtsTopology implements StageTopology {

    public static final String APPLICATION_ID = "glyphoxa-tts";
    static final String PROCESSOR = "speak";

    private final TtsSettings settings;
    private final VoiceRouter voices;
    private final StageFailures failures;
    private final CutTurns cutTurns;

    /** Without a playback listener (in-process use such as the bench): no turn is ever cut. */
    public TtsTopology(TtsSettings settings, VoiceRouter voices, StageFailures failures) {
        this(settings, voices, failures, new CutTurns());
    }

    @Inject
    public TtsTopology(TtsSettings settings, VoiceRouter voices, StageFailures failures, CutTurns cutTurns) {
        this.settings = settings;
        this.voices = voices;
        this.failures = failures;
        this.cutTurns = cutTurns;
    }

    @Override
    public String applicationId() {
        return APPLICATION_ID;
    }

    @Override
    public Topology topology() {
        Topology topology = new Topology();
        TopologyParts.source(topology, Topics.NPC_LINES);
        topology.addProcessor(PROCESSOR, () -> new TtsProcessor(voices, new SpeechPacketizer(settings.opusBitrate()),
                settings.maxTextChars(), cutTurns, failures), TopologyParts.sourceName(Topics.NPC_LINES));
        TopologyParts.sink(topology, Topics.VOICE_OUT, PROCESSOR);
        TopologyParts.deadLetterSink(topology, PROCESSOR);
        return topology;
    }
}
