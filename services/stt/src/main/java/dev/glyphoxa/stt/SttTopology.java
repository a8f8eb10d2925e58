package dev.glyphoxa.stt;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.StageTopology;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.stt.state.AudioChunk;
import dev.glyphoxa.stt.state.SessionVocabulary;
import dev.glyphoxa.stt.state.UtteranceState;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

/**
 * glyphoxa.speech + glyphoxa.control → glyphoxa.transcripts. Both inputs are keyed by session id and
 * co-partitioned; both processors share the stores, so Kafka Streams puts them in one sub-topology and one task
 * sees a session's control events and speech.
 */
@Singleton
public class SttTopology implements StageTopology {

    public static final String APPLICATION_ID = "glyphoxa-stt";
    /** Per speaker: the utterance in progress. */
    public static final String UTTERANCES = "stt-utterances";
    /** Per chunk: the audio received so far, for re-decoding after a failover. */
    public static final String AUDIO = "stt-audio";
    /** Per session: the campaign vocabulary. */
    public static final String SESSIONS = "stt-sessions";

    private static final String SPEECH = "speech";
    private static final String CONTROL = "control";

    private final StageFailures failures;
    private final Transcriber transcriber;
    private final CampaignVocabulary vocabulary;
    private final SttSettings settings;

    public SttTopology(StageFailures failures, Transcriber transcriber, CampaignVocabulary vocabulary, SttSettings settings) {
        this.failures = failures;
        this.transcriber = transcriber;
        this.vocabulary = vocabulary;
        this.settings = settings;
    }

    @Override
    public String applicationId() {
        return APPLICATION_ID;
    }

    @Override
    public Topology topology() {
        Topology t = new Topology();
        TopologyParts.source(t, Topics.SPEECH);
        TopologyParts.source(t, Topics.CONTROL);
        t.addProcessor(SPEECH, () -> new SpeechProcessor(failures, transcriber, settings), TopologyParts.sourceName(Topics.SPEECH));
        t.addProcessor(CONTROL, () -> new ControlProcessor(failures, vocabulary, transcriber), TopologyParts.sourceName(Topics.CONTROL));
        t.addStateStore(TopologyParts.store(UTTERANCES, UtteranceState.class), SPEECH, CONTROL);
        t.addStateStore(TopologyParts.store(AUDIO, AudioChunk.class), SPEECH, CONTROL);
        t.addStateStore(TopologyParts.store(SESSIONS, SessionVocabulary.class), SPEECH, CONTROL);
        TopologyParts.sink(t, Topics.TRANSCRIPTS, SPEECH);
        TopologyParts.deadLetterSink(t, SPEECH, CONTROL);
        return t;
    }
}
