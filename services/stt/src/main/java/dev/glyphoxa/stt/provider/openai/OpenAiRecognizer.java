package dev.glyphoxa.stt.provider.openai;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Collects one utterance and sends it whole at its end: the transcriptions API takes a file, not a stream, so there
 * are no interim results.
 */
final class OpenAiRecognizer implements SpeechRecognizer {

    private final OpenAiTranscriptionEngine engine;
    private List<String> names = List.of();
    private ByteArrayOutputStream pcm;

    OpenAiRecognizer(OpenAiTranscriptionEngine engine) {
        this.engine = engine;
    }

    /** Pronunciations are for dictionary engines; the names go into the prompt (see {@link #expectNames}). */
    @Override
    public void addWords(List<Pronunciation> words) {
    }

    @Override
    public void expectNames(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public void startUtterance() {
        pcm = new ByteArrayOutputStream();
    }

    @Override
    public void feed(short[] pcm16k) {
        if (pcm == null) {
            throw new IllegalStateException("feed before startUtterance");
        }
        pcm.writeBytes(Pcm.toBytes(pcm16k));
    }

    @Override
    public String finishUtterance() {
        if (pcm == null) {
            throw new IllegalStateException("finishUtterance before startUtterance");
        }
        short[] samples = Pcm.toShorts(pcm.toByteArray());
        pcm = null;
        // Nothing to hear; the API would reject an empty file.
        return samples.length == 0 ? "" : engine.transcribe(samples, names);
    }

    @Override
    public void cancelUtterance() {
        pcm = null;
    }

    @Override
    public void close() {
        pcm = null;
    }
}
