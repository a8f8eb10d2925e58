package dev.glyphoxa.stt;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stt.state.AudioChunk;
import dev.glyphoxa.stt.state.SessionVocabulary;
import dev.glyphoxa.stt.state.UtteranceState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Session lifecycle from {@code glyphoxa.control}: SessionStarted stores the campaign's vocabulary (names and the
 * pronunciations of new words), SessionStopped clears every piece of the session's state and its recognisers.
 */
final class ControlProcessor extends GuardedProcessor<ControlEvent> {

    private final CampaignVocabulary vocabulary;
    private final Transcriber transcriber;
    private KeyValueStore<String, UtteranceState> utterances;
    private KeyValueStore<String, AudioChunk> audio;
    private KeyValueStore<String, SessionVocabulary> sessions;

    ControlProcessor(StageFailures failures, CampaignVocabulary vocabulary, Transcriber transcriber) {
        super(Topics.CONTROL, failures);
        this.vocabulary = vocabulary;
        this.transcriber = transcriber;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        utterances = context.getStateStore(SttTopology.UTTERANCES);
        audio = context.getStateStore(SttTopology.AUDIO);
        sessions = context.getStateStore(SttTopology.SESSIONS);
    }

    @Override
    protected void handle(String sessionId, ControlEvent value, long timestamp) {
        switch (value.getEvent()) {
            case SessionStarted started -> sessions.put(sessionId, vocabulary.build(sessionId, started));
            case SessionStopped stopped -> {
                sessions.delete(sessionId);
                String prefix = SttKeys.sessionPrefix(sessionId);
                SpeechProcessor.deletePrefix(audio, prefix);
                SpeechProcessor.deletePrefix(utterances, prefix);
                transcriber.dropSession(sessionId);
            }
            default -> {
                // Mute changes and GM lines do not concern recognition.
            }
        }
    }
}
