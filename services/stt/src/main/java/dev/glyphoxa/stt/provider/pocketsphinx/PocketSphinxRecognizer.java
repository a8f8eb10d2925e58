package dev.glyphoxa.stt.provider.pocketsphinx;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.util.List;

/** One PocketSphinx decoder ({@code ps_decoder_t}). Not thread-safe; must be closed to free the native models. */
final class PocketSphinxRecognizer implements SpeechRecognizer {

    private final PocketSphinxNative ps;
    private Pointer decoder;
    private boolean inUtterance;

    PocketSphinxRecognizer(PocketSphinxNative ps, Pointer decoder) {
        this.ps = ps;
        this.decoder = decoder;
    }

    @Override
    public void addWords(List<Pronunciation> words) {
        check();
        for (int i = 0; i < words.size(); i++) {
            Pronunciation p = words.get(i);
            // Rebuilding the search after a word costs ~0.1 s, so only the last word of a batch asks for it.
            int update = i == words.size() - 1 ? 1 : 0;
            if (ps.ps_add_word(decoder, p.word(), p.phones(), update) < 0) {
                throw new IllegalArgumentException("pocketsphinx refused the word '" + p.word() + "' /" + p.phones() + "/");
            }
        }
    }

    @Override
    public void startUtterance() {
        check();
        if (inUtterance) {
            ps.ps_end_utt(decoder);
        }
        if (ps.ps_start_utt(decoder) < 0) {
            throw new IllegalStateException("ps_start_utt failed");
        }
        inUtterance = true;
    }

    @Override
    public void feed(short[] pcm16k) {
        process(pcm16k, false);
    }

    private void process(short[] pcm16k, boolean fullUtterance) {
        check();
        if (!inUtterance) {
            throw new IllegalStateException("feed before startUtterance");
        }
        if (pcm16k.length == 0) {
            return;
        }
        if (ps.ps_process_raw(decoder, pcm16k, pcm16k.length, 0, fullUtterance ? 1 : 0) < 0) {
            throw new IllegalStateException("ps_process_raw failed on " + pcm16k.length + " samples");
        }
    }

    @Override
    public String finishUtterance() {
        check();
        if (!inUtterance) {
            throw new IllegalStateException("finishUtterance before startUtterance");
        }
        inUtterance = false;
        if (ps.ps_end_utt(decoder) < 0) {
            throw new IllegalStateException("ps_end_utt failed");
        }
        String hyp = ps.ps_get_hyp(decoder, new IntByReference());
        return hyp == null ? "" : hyp.trim().replaceAll("\\s+", " ");
    }

    @Override
    public String transcribe(short[] pcm16k) {
        startUtterance();
        // The whole utterance at once lets PocketSphinx normalise the cepstral mean over it (batch CMN).
        process(pcm16k, true);
        return finishUtterance();
    }

    private void check() {
        if (decoder == null) {
            throw new IllegalStateException("recogniser already closed");
        }
    }

    @Override
    public void close() {
        if (decoder != null) {
            ps.ps_free(decoder);
            decoder = null;
        }
    }
}
