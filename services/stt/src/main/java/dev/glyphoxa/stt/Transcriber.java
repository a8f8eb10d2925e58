package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.RecognitionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The heap side of recognition. Each speaker's utterance gets a pooled recogniser at SpeechStarted and is fed chunk
 * by chunk as audio arrives (fast path: at SpeechEnded only the tail is left to decode). The durable copy of the
 * audio lives in the stage's store; when this instance's recogniser did not see every chunk in order (another
 * instance had the utterance before a failover, a chunk arrived out of order, the utterance began before this
 * process did), {@link #finish} re-decodes the stored audio instead. So it does for the first utterance of a
 * freshly created recogniser of an engine that asks for it (see {@link #finish}). When a cloud provider fails on an
 * utterance, the {@link ProviderFallback} transcribes the stored audio offline.
 *
 * <p>Keys are per speaker ({@code session|speaker}); a session is handled by one stream task at a time, so a key is
 * never used by two threads at once, while different keys may be.
 */
public final class Transcriber {

    private static final Logger LOG = LoggerFactory.getLogger(Transcriber.class);

    private static final class Live {
        final RecognizerPool.Lease lease;
        final String utteranceId;
        int nextChunk;
        boolean inSync = true;
        String lastPartial = "";

        Live(RecognizerPool.Lease lease, String utteranceId) {
            this.lease = lease;
            this.utteranceId = utteranceId;
        }
    }

    private final RecognizerPool pool;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final AtomicLong liveResults = new AtomicLong();
    private final AtomicLong storedAudioResults = new AtomicLong();
    private final ProviderFallback fallback;

    /** Without a fallback: for the offline engine, which reports no provider failures. */
    public Transcriber(RecognizerPool pool) {
        this(pool, new ProviderFallback(pool.provider(), null, new SimpleMeterRegistry()));
    }

    public Transcriber(RecognizerPool pool, ProviderFallback fallback) {
        this.pool = pool;
        this.fallback = fallback;
    }

    public String provider() {
        return pool.provider();
    }

    /** Starts live recognition of an utterance; a repeated start of the same utterance keeps what was fed. */
    public void start(String key, String utteranceId, Vocabulary vocabulary) {
        Live current = live.get(key);
        if (current != null && current.utteranceId.equals(utteranceId)) {
            return;
        }
        abandon(key);
        RecognizerPool.Lease lease = acquire(vocabulary);
        try {
            lease.recognizer().startUtterance();
        } catch (RuntimeException e) {
            pool.discard(lease);
            throw e;
        }
        live.put(key, new Live(lease, utteranceId));
    }

    /** Feeds a chunk to the live recogniser if it is the next one it expects; otherwise the live result is void. */
    public void audio(String key, String utteranceId, int chunkIndex, short[] pcm16k) {
        Live l = live.get(key);
        if (l == null || !l.utteranceId.equals(utteranceId) || !l.inSync) {
            return;
        }
        if (chunkIndex < l.nextChunk) {
            return; // a redelivered chunk it has already heard
        }
        if (chunkIndex > l.nextChunk) {
            LOG.debug("{}: chunk {} of {} arrived before chunk {}; will decode from stored audio", key, chunkIndex, utteranceId, l.nextChunk);
            l.inSync = false;
            return;
        }
        try {
            l.lease.recognizer().feed(pcm16k);
            l.nextChunk++;
        } catch (RuntimeException e) {
            live.remove(key);
            pool.discard(l.lease);
            throw e;
        }
    }

    /** The live recogniser's text so far, if it changed since the last call; for interim transcripts. */
    public Optional<String> partial(String key, String utteranceId) {
        Live l = live.get(key);
        if (l == null || !l.utteranceId.equals(utteranceId) || !l.inSync) {
            return Optional.empty();
        }
        String text = l.lease.recognizer().partialText();
        if (text.isBlank() || text.equals(l.lastPartial)) {
            return Optional.empty();
        }
        l.lastPartial = text;
        return Optional.of(text);
    }

    /** Whether this instance's live recogniser heard exactly chunks 0..chunkCount-1 of the utterance. */
    public boolean heardAll(String key, String utteranceId, int chunkCount) {
        Live l = live.get(key);
        return l != null && l.utteranceId.equals(utteranceId) && l.inSync && l.nextChunk == chunkCount;
    }

    /**
     * Ends the utterance: the live hypothesis if the live recogniser heard every chunk, else a decode of
     * {@code storedAudio} (the chunks in index order) with a pooled recogniser; when a cloud provider fails on
     * either, the fallback's.
     */
    public Recognition finish(String key, String utteranceId, int chunkCount, Vocabulary vocabulary,
                         Supplier<short[]> storedAudio) {
        try {
            return recognise(key, utteranceId, chunkCount, vocabulary, storedAudio);
        } catch (RecognitionException e) {
            return fallback.recover(key, utteranceId, vocabulary, storedAudio, e);
        }
    }

    private Recognition recognise(String key, String utteranceId, int chunkCount, Vocabulary vocabulary,
                             Supplier<short[]> storedAudio) {
        RecognizerPool.Lease lease;
        if (heardAll(key, utteranceId, chunkCount)) {
            Live l = live.remove(key);
            lease = l.lease;
            boolean cold = lease.utterances() == 0 && pool.redecodesFirstUtterance();
            try {
                String text = lease.recognizer().finishUtterance();
                lease.finishedUtterance();
                if (!cold) {
                    pool.release(lease);
                    liveResults.incrementAndGet();
                    return new Recognition(text, Recognition.Source.LIVE, pool.provider());
                }
            } catch (RuntimeException e) {
                pool.discard(lease);
                throw e;
            }
            // A fresh PocketSphinx decoder's first streamed utterance is unreliable (see its engine); decoding the
            // stored utterance as a whole fixes it, and the live pass above has meanwhile adapted the decoder.
            LOG.debug("{}: first utterance of a fresh recogniser; decoding {} from stored audio", key, utteranceId);
        } else {
            abandon(key);
            lease = acquire(vocabulary);
        }
        try {
            String text = lease.recognizer().transcribe(storedAudio.get());
            lease.finishedUtterance();
            pool.release(lease);
            storedAudioResults.incrementAndGet();
            return new Recognition(text, Recognition.Source.STORED_AUDIO, pool.provider());
        } catch (RuntimeException e) {
            pool.discard(lease);
            throw e;
        }
    }

    private RecognizerPool.Lease acquire(Vocabulary vocabulary) {
        RecognizerPool.Lease lease = pool.acquire(vocabulary.words());
        lease.recognizer().expectNames(vocabulary.names());
        return lease;
    }

    /** Drops the live recognition of a speaker, returning its recogniser to the pool. */
    public void abandon(String key) {
        Live l = live.remove(key);
        if (l != null) {
            try {
                l.lease.recognizer().cancelUtterance();
                pool.release(l.lease);
            } catch (RuntimeException e) {
                pool.discard(l.lease);
            }
        }
    }

    /** Drops every live recognition of a session (SessionStopped). */
    public void dropSession(String sessionId) {
        String prefix = SttKeys.sessionPrefix(sessionId);
        for (String key : List.copyOf(live.keySet())) {
            if (key.startsWith(prefix)) {
                abandon(key);
            }
        }
    }

    /** Utterances whose text came from the live recogniser (fast path). */
    public long liveResults() {
        return liveResults.get();
    }

    /** Utterances decoded from the stored audio (failover, gaps, fresh recognisers). */
    public long storedAudioResults() {
        return storedAudioResults.get();
    }

    public int liveCount() {
        return live.size();
    }
}
