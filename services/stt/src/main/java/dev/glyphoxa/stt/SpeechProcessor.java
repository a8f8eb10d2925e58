package dev.glyphoxa.stt;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.SpeechAudio;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.SpeechStarted;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.stt.state.AudioChunk;
import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.SessionVocabulary;
import dev.glyphoxa.stt.state.UtteranceState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows each speaker's utterance on {@code glyphoxa.speech}: keeps its audio in {@code stt-audio}, feeds the
 * live recogniser as chunks arrive (publishing its interim text when it has any), and at SpeechEnded publishes the
 * final {@link dev.glyphoxa.schema.Transcript} and deletes the state.
 */
final class SpeechProcessor extends GuardedProcessor<SpeechEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SpeechProcessor.class);
    static final int SAMPLE_RATE = 16_000;

    private final Transcriber transcriber;
    private final SttSettings settings;
    private final Set<String> liveKeys = new HashSet<>();
    private KeyValueStore<String, UtteranceState> utterances;
    private KeyValueStore<String, AudioChunk> audio;
    private KeyValueStore<String, SessionVocabulary> sessions;

    SpeechProcessor(StageFailures failures, Transcriber transcriber, SttSettings settings) {
        super(Topics.SPEECH, failures);
        this.transcriber = transcriber;
        this.settings = settings;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        utterances = context.getStateStore(SttTopology.UTTERANCES);
        audio = context.getStateStore(SttTopology.AUDIO);
        sessions = context.getStateStore(SttTopology.SESSIONS);
        // Wall clock: an utterance whose SpeechEnded never comes gets no further records to trigger anything.
        context.schedule(Duration.ofMillis(settings.sweepIntervalMs()), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    protected void handle(String sessionId, SpeechEvent value, long timestamp) {
        if (value.getSpeakerId().isBlank() || value.getUtteranceId().isBlank()) {
            throw new IllegalArgumentException("speech event without speaker or utterance id");
        }
        switch (value.getEvent()) {
            case SpeechStarted s -> started(value, s);
            case SpeechAudio a -> audio(value, a);
            case SpeechEnded e -> ended(value, e);
            default -> throw new IllegalArgumentException("unknown speech event " + value.getEvent().getClass().getSimpleName());
        }
    }

    private void started(SpeechEvent value, SpeechStarted s) {
        String key = SttKeys.speaker(value.getSessionId(), value.getSpeakerId());
        UtteranceState previous = utterances.get(key);
        if (previous != null && previous.getUtteranceId().equals(value.getUtteranceId())) {
            return; // redelivered after a restart: keep the audio already stored
        }
        if (previous != null) {
            LOG.warn("session {}: speaker {} started utterance {} before {} ended; dropping the unfinished one",
                    value.getSessionId(), value.getSpeakerId(), value.getUtteranceId(), previous.getUtteranceId());
            deleteUtterance(key, previous);
        }
        utterances.put(key, UtteranceState.newBuilder().setSessionId(value.getSessionId())
                .setSpeakerId(value.getSpeakerId()).setUtteranceId(value.getUtteranceId())
                .setStartMs(s.getStartMs()).setChunksStored(0).setSamples(0)
                .setUpdatedAtMs(context.currentSystemTimeMs()).build());
        transcriber.start(key, value.getUtteranceId(), Vocabulary.of(sessions.get(value.getSessionId())));
        liveKeys.add(key);
    }

    private void audio(SpeechEvent value, SpeechAudio a) {
        String key = SttKeys.speaker(value.getSessionId(), value.getSpeakerId());
        UtteranceState state = current(key, value, "SpeechAudio chunk " + a.getChunkIndex());
        if (a.getChunkIndex() < 0) {
            throw new IllegalArgumentException("negative chunk index " + a.getChunkIndex());
        }
        ByteBuffer buf = a.getPcm16k();
        if (buf.remaining() % 2 != 0) {
            throw new IllegalArgumentException("chunk " + a.getChunkIndex() + " of utterance " + value.getUtteranceId()
                    + " has " + buf.remaining() + " bytes: not whole 16-bit samples");
        }
        byte[] bytes = new byte[buf.remaining()];
        buf.duplicate().get(bytes);
        String chunkKey = SttKeys.chunk(value.getSessionId(), value.getSpeakerId(), value.getUtteranceId(), a.getChunkIndex());
        if (audio.get(chunkKey) == null) {
            audio.put(chunkKey, AudioChunk.newBuilder().setUtteranceId(value.getUtteranceId())
                    .setChunkIndex(a.getChunkIndex()).setPcm16k(ByteBuffer.wrap(bytes)).build());
            state.setChunksStored(state.getChunksStored() + 1);
            state.setSamples(state.getSamples() + bytes.length / 2);
        }
        state.setUpdatedAtMs(context.currentSystemTimeMs());
        utterances.put(key, state);
        transcriber.audio(key, value.getUtteranceId(), a.getChunkIndex(), Pcm.toShorts(bytes));
        transcriber.partial(key, value.getUtteranceId()).ifPresent(text -> emit(value.getSessionId(),
                Transcripts.interim(state, text, transcriber.provider(), words(value.getSessionId())),
                TopologyParts.sinkName(Topics.TRANSCRIPTS)));
    }

    private void ended(SpeechEvent value, SpeechEnded e) {
        String key = SttKeys.speaker(value.getSessionId(), value.getSpeakerId());
        UtteranceState state = current(key, value, "SpeechEnded");
        if (e.getChunkCount() < 0) {
            throw new IllegalArgumentException("negative chunk_count " + e.getChunkCount());
        }
        if (state.getChunksStored() != e.getChunkCount()) {
            LOG.warn("session {}: utterance {} of {} announced {} chunks, {} arrived; transcribing what arrived",
                    value.getSessionId(), value.getUtteranceId(), value.getSpeakerId(), e.getChunkCount(), state.getChunksStored());
        }
        String prefix = SttKeys.chunkPrefix(value.getSessionId(), value.getSpeakerId(), value.getUtteranceId());
        Recognition result = transcriber.finish(key, value.getUtteranceId(), e.getChunkCount(),
                Vocabulary.of(sessions.get(value.getSessionId())), () -> storedAudio(prefix));
        liveKeys.remove(key);
        if (result.source() == Recognition.Source.STORED_AUDIO) {
            LOG.info("session {}: utterance {} decoded from stored audio ({} chunks)", value.getSessionId(),
                    value.getUtteranceId(), state.getChunksStored());
        }
        TurnTimings timings = TurnTimings.newBuilder(e.getTimings()).setSttFinalMs(context.currentSystemTimeMs()).build();
        long end = timings.getSpeechEndMs() != null ? timings.getSpeechEndMs() : Transcripts.audioEnd(state);
        emit(value.getSessionId(), Transcripts.finalOne(state, e.getTurnId(), result, words(value.getSessionId()),
                timings, end), TopologyParts.sinkName(Topics.TRANSCRIPTS));
        deleteUtterance(key, state);
    }

    /** The utterance a speaker is in, which the event must belong to; anything else cannot be transcribed. */
    private UtteranceState current(String key, SpeechEvent value, String what) {
        UtteranceState state = utterances.get(key);
        if (state == null || !state.getUtteranceId().equals(value.getUtteranceId())) {
            throw new IllegalStateException(what + " of utterance " + value.getUtteranceId() + " (speaker "
                    + value.getSpeakerId() + ") without its SpeechStarted"
                    + (state == null ? "" : "; the speaker is in utterance " + state.getUtteranceId()));
        }
        return state;
    }

    private List<NameWord> words(String sessionId) {
        SessionVocabulary v = sessions.get(sessionId);
        return v == null ? List.of() : v.getWords();
    }

    private short[] storedAudio(String prefix) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        try (KeyValueIterator<String, AudioChunk> it = audio.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                ByteBuffer b = it.next().value.getPcm16k().duplicate();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                pcm.writeBytes(bytes);
            }
        }
        return Pcm.toShorts(pcm.toByteArray());
    }

    private void deleteUtterance(String key, UtteranceState state) {
        deletePrefix(audio, SttKeys.chunkPrefix(state.getSessionId(), state.getSpeakerId(), state.getUtteranceId()));
        utterances.delete(key);
        transcriber.abandon(key);
        liveKeys.remove(key);
    }

    static <V> void deletePrefix(KeyValueStore<String, V> store, String prefix) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }

    /** Drops utterances that have had no event for {@code abandonAfterMs}: their SpeechEnded is not coming. */
    private void sweep(long now) {
        List<KeyValue<String, UtteranceState>> stale = new ArrayList<>();
        try (KeyValueIterator<String, UtteranceState> it = utterances.all()) {
            it.forEachRemaining(kv -> {
                if (now - kv.value.getUpdatedAtMs() > settings.abandonAfterMs()) {
                    stale.add(kv);
                }
            });
        }
        for (KeyValue<String, UtteranceState> kv : stale) {
            LOG.warn("session {}: utterance {} of {} had no event for {} ms; dropped without transcript",
                    kv.value.getSessionId(), kv.value.getUtteranceId(), kv.value.getSpeakerId(), now - kv.value.getUpdatedAtMs());
            deleteUtterance(kv.key, kv.value);
        }
    }

    @Override
    public void close() {
        // The task moves to another instance (or the app stops): its live recognisers are only a cache.
        List.copyOf(liveKeys).forEach(transcriber::abandon);
        liveKeys.clear();
    }
}
