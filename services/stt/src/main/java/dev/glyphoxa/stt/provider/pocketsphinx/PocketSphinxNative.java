package dev.glyphoxa.stt.provider.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The slice of Debian bookworm's PocketSphinx 5prealpha C API the stage uses, as declared in
 * {@code /usr/include/pocketsphinx/pocketsphinx.h}. {@code size_t} is mapped to {@code long} (LP64 Linux only).
 */
interface PocketSphinxNative extends Library {

    /** {@code arg_t const *ps_args(void)}: the argument definitions {@code cmd_ln_init} validates against. */
    Pointer ps_args();

    /** {@code ps_decoder_t *ps_init(cmd_ln_t *config)}; NULL on failure (bad model paths). Retains config. */
    Pointer ps_init(Pointer config);

    /** {@code int ps_free(ps_decoder_t *ps)}. */
    int ps_free(Pointer ps);

    /** {@code int ps_start_utt(ps_decoder_t *ps)}. */
    int ps_start_utt(Pointer ps);

    /** {@code int ps_process_raw(ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt)}. */
    int ps_process_raw(Pointer ps, short[] data, long nSamples, int noSearch, int fullUtt);

    /** {@code int ps_end_utt(ps_decoder_t *ps)}. */
    int ps_end_utt(Pointer ps);

    /** {@code char const *ps_get_hyp(ps_decoder_t *ps, int32 *out_best_score)}; owned by the decoder, may be NULL. */
    String ps_get_hyp(Pointer ps, IntByReference outBestScore);

    /** {@code int ps_add_word(ps_decoder_t *ps, char const *word, char const *phones, int update)}; word id or &lt;0. */
    int ps_add_word(Pointer ps, String word, String phones, int update);

    /** The sphinxbase half ({@code libsphinxbase.so.3}): configuration objects. */
    interface SphinxBase extends Library {

        /** {@code cmd_ln_t *cmd_ln_init(cmd_ln_t *inout, arg_t const *defn, int32 strict, ...)}: NULL-terminated name/value strings. */
        Pointer cmd_ln_init(Pointer inout, Pointer defn, int strict, Object... args);

        /** {@code int cmd_ln_free_r(cmd_ln_t *cmdln)}: drops one reference. */
        int cmd_ln_free_r(Pointer cmdln);
    }
}
