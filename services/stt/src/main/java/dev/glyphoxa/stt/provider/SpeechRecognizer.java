package dev.glyphoxa.stt.provider;

import java.util.List;

/**
 * One streaming recogniser, i.e. one decoder: it follows one speaker's utterance at a time. Instances hold
 * native state (models of tens of MiB), are slow to create and are not thread-safe, so the stage pools them.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Adds words to the dictionary and the language model; takes effect from the next utterance. */
    void addWords(List<Pronunciation> words);

    void startUtterance();

    /** Feeds the next block of 16 kHz signed 16-bit mono samples of the current utterance. */
    void feed(short[] pcm16k);

    /** Ends the utterance and returns the best hypothesis, lower case, words separated by one space; "" for none. */
    String finishUtterance();

    /** Recognises a complete utterance at once; engines may use whole-utterance normalisation here. */
    default String transcribe(short[] pcm16k) {
        startUtterance();
        feed(pcm16k);
        return finishUtterance();
    }

    @Override
    void close();
}
