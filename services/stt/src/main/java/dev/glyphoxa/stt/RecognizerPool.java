package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import dev.glyphoxa.stt.state.NameWord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Heap cache of recognisers, shared by all stream threads. A recogniser serves one speaker's utterance at a time
 * (decoders are not thread-safe) and is returned afterwards; creating one loads the models (~0.3-0.4 s, tens of
 * MiB), so up to {@code maxIdle} are kept, least recently used evicted first.
 *
 * <p>Words added to a decoder cannot be removed again, so an idle decoder is only reused for a session whose
 * vocabulary contains every word it already has (same pronunciation); otherwise a fresh one is made. That keeps
 * one campaign's names from being recognised in another's session.
 */
public final class RecognizerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecognizerPool.class);

    /** A pooled recogniser and the words added to it so far. */
    public static final class Lease {
        private final SpeechRecognizer recognizer;
        private final Map<String, String> added = new HashMap<>();
        private int utterances;

        private Lease(SpeechRecognizer recognizer) {
            this.recognizer = recognizer;
        }

        public SpeechRecognizer recognizer() {
            return recognizer;
        }

        Map<String, String> added() {
            return added;
        }

        /** Utterances this recogniser has finished; 0 means it still runs on the model's initial channel estimate. */
        public int utterances() {
            return utterances;
        }

        void finishedUtterance() {
            utterances++;
        }
    }

    private final RecognizerFactory factory;
    private final int maxIdle;
    private final Deque<Lease> idle = new ArrayDeque<>();
    private int created;
    private int live;

    public RecognizerPool(RecognizerFactory factory, int maxIdle) {
        this.factory = factory;
        this.maxIdle = Math.max(0, maxIdle);
    }

    public String provider() {
        return factory.provider();
    }

    /** See {@link RecognizerFactory#redecodesFirstUtterance()}. */
    public boolean redecodesFirstUtterance() {
        return factory.redecodesFirstUtterance();
    }

    /** Creates recognisers ahead of the first utterance (and fails start-up early if the engine cannot). */
    public void warmUp(int count) {
        List<Lease> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(create());
        }
        synchronized (this) {
            made.forEach(idle::addFirst);
            live -= made.size();
        }
        trim();
    }

    /** A recogniser that knows the given session words; the caller must {@link #release} it. */
    public Lease acquire(List<NameWord> vocabulary) {
        Map<String, String> wanted = new HashMap<>();
        for (NameWord w : vocabulary) {
            wanted.put(w.getWord(), w.getPhones());
        }
        Lease idleOne = takeIdle(wanted);
        Lease lease = idleOne != null ? idleOne : create();
        List<Pronunciation> missing = new ArrayList<>();
        for (NameWord w : vocabulary) {
            if (!lease.added.containsKey(w.getWord())) {
                missing.add(new Pronunciation(w.getWord(), w.getPhones()));
            }
        }
        if (!missing.isEmpty()) {
            try {
                lease.recognizer.addWords(missing);
            } finally {
                // Even on failure, the words before the refused one are in: remember them.
                missing.forEach(p -> lease.added.put(p.word(), p.phones()));
            }
        }
        return lease;
    }

    private synchronized Lease takeIdle(Map<String, String> wanted) {
        Lease best = null;
        int bestMissing = Integer.MAX_VALUE;
        for (Lease l : idle) {
            boolean subset = l.added.entrySet().stream().allMatch(e -> Objects.equals(wanted.get(e.getKey()), e.getValue()));
            if (subset && wanted.size() - l.added.size() < bestMissing) {
                best = l;
                bestMissing = wanted.size() - l.added.size();
            }
        }
        if (best != null) {
            idle.remove(best);
            live++;
        }
        return best;
    }

    private Lease create() {
        long t0 = System.nanoTime();
        Lease lease = new Lease(factory.create());
        synchronized (this) {
            created++;
            live++;
        }
        LOG.info("{} recogniser #{} created in {} ms", factory.provider(), created, (System.nanoTime() - t0) / 1_000_000);
        return lease;
    }

    /** Returns a recogniser for reuse; the least recently used idle ones beyond the limit are freed. */
    public void release(Lease lease) {
        synchronized (this) {
            live--;
            idle.addFirst(lease);
        }
        trim();
    }

    /** Frees a recogniser that may be in a bad state instead of pooling it. */
    public void discard(Lease lease) {
        synchronized (this) {
            live--;
        }
        lease.recognizer.close();
    }

    private void trim() {
        List<Lease> evicted = new ArrayList<>();
        synchronized (this) {
            while (idle.size() > maxIdle) {
                evicted.add(idle.removeLast());
            }
        }
        evicted.forEach(l -> l.recognizer.close());
    }

    public synchronized int created() {
        return created;
    }

    public synchronized int idle() {
        return idle.size();
    }

    public synchronized int inUse() {
        return live;
    }

    @Override
    public void close() {
        List<Lease> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        for (Iterator<Lease> it = all.iterator(); it.hasNext(); ) {
            it.next().recognizer.close();
        }
    }
}
