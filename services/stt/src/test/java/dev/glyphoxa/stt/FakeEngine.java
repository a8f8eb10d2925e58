package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Unit-test stand-in for a recognition engine: its "text" says how many samples it heard and what their sum was,
 * so a test can tell whether a transcript covers the whole utterance or only the part one instance saw.
 */
final class FakeEngine implements RecognizerFactory {

    final List<Fake> made = new ArrayList<>();
    /** Whether its recognisers report partial text ("heard N so far") while fed. */
    final boolean partials;

    FakeEngine() {
        this(false);
    }

    FakeEngine(boolean partials) {
        this.partials = partials;
    }

    static final class Fake implements SpeechRecognizer {
        final List<String> words = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        boolean partials;
        long samples;
        long sum;
        boolean open;
        boolean closed;
        int utterances;

        @Override
        public void addWords(List<Pronunciation> added) {
            added.forEach(p -> words.add(p.word()));
        }

        @Override
        public void expectNames(List<String> expected) {
            names.clear();
            names.addAll(expected);
        }

        @Override
        public String partialText() {
            return partials && open && samples > 0 ? "heard " + samples + " so far" : "";
        }

        @Override
        public void startUtterance() {
            samples = 0;
            sum = 0;
            open = true;
        }

        @Override
        public void feed(short[] pcm16k) {
            if (!open) {
                throw new IllegalStateException("not started");
            }
            samples += pcm16k.length;
            for (short s : pcm16k) {
                sum += s;
            }
        }

        @Override
        public String finishUtterance() {
            open = false;
            utterances++;
            return "heard " + samples + " sum " + sum;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Override
    public String provider() {
        return "fake";
    }

    /** Behaves like PocketSphinx here, so the tests of the fresh-recogniser path use it. */
    @Override
    public boolean redecodesFirstUtterance() {
        return true;
    }

    @Override
    public SpeechRecognizer create() {
        Fake f = new Fake();
        f.partials = partials;
        made.add(f);
        return f;
    }

    @Override
    public boolean knowsWord(String word) {
        return Set.of("the", "old", "smith", "tom").contains(word);
    }

    @Override
    public Set<String> phones() {
        return Set.of("G", "R", "IH", "M", "JH", "AO", "B", "AA", "D", "L");
    }
}
