package dev.glyphoxa.stt;

import dev.glyphoxa.testsupport.WordErrorRate;
import dev.glyphoxa.stt.provider.SpeechRecognizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real PocketSphinx (Debian's en-us model) on sentences voiced by Festival. Figures are printed, not asserted. */
class PocketSphinxRecognitionTest {

    static final List<String> SENTENCES = List.of(
            "where can I find the blacksmith",
            "I draw my sword and attack the goblin",
            "can you tell me about the old king",
            "I would like to buy a healing potion",
            "we rest at the tavern until morning",
            "how much for a room for the night",
            "the dragon is sleeping in the cave");

    /** Feeds 20 ms chunks, as the VAD stage sends them. */
    static String streamed(SpeechRecognizer r, short[] pcm) {
        r.startUtterance();
        for (int i = 0; i < pcm.length; i += 320) {
            r.feed(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + 320)));
        }
        return r.finishUtterance();
    }

    @Test
    void recognisesTabletopSentencesWithAtLeastEightyPercentWordAccuracy() {
        long t0 = System.nanoTime();
        try (SpeechRecognizer r = TestSpeech.engine().create()) {
            double initMs = (System.nanoTime() - t0) / 1e6;
            int errors = 0;
            int batchErrors = 0;
            int words = 0;
            double audioSeconds = 0;
            double decodeSeconds = 0;
            for (String sentence : SENTENCES) {
                short[] pcm = TestSpeech.voiced(sentence);
                long s = System.nanoTime();
                String hyp = streamed(r, pcm);
                decodeSeconds += (System.nanoTime() - s) / 1e9;
                audioSeconds += pcm.length / 16000.0;
                String batch = r.transcribe(pcm);
                errors += WordErrorRate.errors(sentence, hyp);
                batchErrors += WordErrorRate.errors(sentence, batch);
                words += WordErrorRate.words(sentence).length;
                System.out.printf("ref: %s%n  streamed: %s%n  batch:    %s%n", sentence, hyp, batch);
            }
            double accuracy = 1 - errors / (double) words;
            double batchAccuracy = 1 - batchErrors / (double) words;
            System.out.printf("MEASURED decoder init %.0f ms; streamed RTF %.3f over %.1f s of audio; word accuracy "
                            + "streamed %.1f%% batch %.1f%% (%d words)%n",
                    initMs, decodeSeconds / audioSeconds, audioSeconds, accuracy * 100, batchAccuracy * 100, words);
            assertThat(accuracy).isGreaterThanOrEqualTo(0.8);
            assertThat(batchAccuracy).isGreaterThanOrEqualTo(0.8);
        }
    }

    @Test
    void silenceGivesEmptyTextAndAnEmptyUtteranceIsAllowed() {
        try (SpeechRecognizer r = TestSpeech.engine().create()) {
            assertThat(r.transcribe(new short[16000])).isEmpty();
            r.startUtterance();
            assertThat(r.finishUtterance()).isEmpty();
        }
    }
}
