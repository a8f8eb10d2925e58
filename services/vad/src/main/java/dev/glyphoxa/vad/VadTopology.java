package dev.glyphoxa.vad;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.vad.provider.VoiceActivityModel;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

/**
 * glyphoxa.voice.in → [vad processor + vad-speakers store] → glyphoxa.speech, glyphoxa.barge-in (and
 * glyphoxa.deadletter).
 */
@Singleton
public class VadTopology implements StageTopology {

    public static final String APPLICATION_ID = "glyphoxa-vad";
    static final String PROCESSOR = "vad";
    /** SpeechAudio carries 16 kHz PCM by contract, so the model must run at that rate. */
    static final int SPEECH_RATE = 16_000;

    private final VadSettings settings;
    private final VoiceActivityModel model;
    private final StageFailures failures;

    public VadTopology(VadSettings settings, VoiceActivityModel model, StageFailures failures) {
        if (model.sampleRate() != SPEECH_RATE) {
            throw new IllegalArgumentException("VAD model runs at " + model.sampleRate() + " Hz; glyphoxa.speech needs " + SPEECH_RATE);
        }
        this.settings = settings;
        this.model = model;
        this.failures = failures;
    }

    @Override
    public String applicationId() {
        return APPLICATION_ID;
    }

    @Override
    public Topology topology() {
        Topology topology = new Topology();
        TopologyParts.source(topology, Topics.VOICE_IN);
        topology.addProcessor(PROCESSOR, () -> new VadProcessor(settings, model, failures),
                TopologyParts.sourceName(Topics.VOICE_IN));
        // As TopologyParts.store (in memory, changelog-backed), with a serde that also reads older SpeakerStates.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VadProcessor.STORE),
                Serdes.String(), new SpeakerStateSerde()).withLoggingEnabled(Map.of()), PROCESSOR);
        TopologyParts.sink(topology, Topics.SPEECH, PROCESSOR);
        TopologyParts.sink(topology, Topics.BARGE_IN, PROCESSOR);
        TopologyParts.deadLetterSink(topology, PROCESSOR);
        return topology;
    }
}
