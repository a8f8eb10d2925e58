package dev.glyphoxa.stt.provider;

import java.util.List;

/**
 * One streaming recogniser: it follows one speaker's utterance at a time. Offline ones hold native state (models of
 * tens of MiB) and are slow to create; cloud ones hold a connection per utterance. None are thread-safe, so the
 * stage pools them and uses each from one stream thread at a time.
 *
 * <p>Cloud recognisers must not throw from {@link #startUtterance} or {@link #feed} because the provider failed
 * (that would dead-letter a good speech record): they remember the failure and throw a {@link RecognitionException}
 * from {@link #finishUtterance}, and the stage falls back to the offline recogniser for that utterance.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Adds words to the dictionary and the language model; takes effect from the next utterance. */
    void addWords(List<Pronunciation> words);

    /**
     * The campaign's names (NPCs, aliases, places) as written, for engines that take them as hints rather than as
     * dictionary entries; replaces the names given before and takes effect from the next utterance.
     */
    default void expectNames(List<String> names) {
        // engines with a pronunciation dictionary learn names through addWords
    }

    void startUtterance();

    /** Feeds the next block of 16 kHz signed 16-bit mono samples of the current utterance. */
    void feed(short[] pcm16k);

    /**
     * Ends the utterance and returns the best hypothesis, words separated by one space, "" for none. Offline engines
     * give lower case; cloud engines may give cased, punctuated text.
     *
     * @throws RecognitionException when a cloud provider failed, timed out or answered something unreadable
     */
    String finishUtterance();

    /** Ends the utterance without waiting for its text: the stage dropped it (session stopped, task moved). */
    default void cancelUtterance() {
        finishUtterance();
    }

    /**
     * The text recognised so far in the current utterance, for interim transcripts; "" when there is none yet or the
     * engine only recognises at the end. Cheap; called after every fed chunk.
     */
    default String partialText() {
        return "";
    }

    /** Recognises a complete utterance at once; engines may use whole-utterance normalisation here. */
    default String transcribe(short[] pcm16k) {
        startUtterance();
        feed(pcm16k);
        return finishUtterance();
    }

    @Override
    void close();
}
