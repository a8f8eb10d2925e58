package dev.glyphoxa.tts.provider.espeak;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.Sound;
import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real espeak-ng (scripts/install-speech-deps.sh). */
class EspeakSynthesizerTest {

    private static final EspeakSynthesizer ESPEAK = new EspeakSynthesizer(EspeakSynthesizer.Settings.defaults());

    @AfterAll
    static void close() {
        ESPEAK.close();
    }

    @Test
    void speaksWithAVoiceVariant() {
        long t0 = System.nanoTime();
        Wav.Clip clip = ESPEAK.synthesize("The dwarf grumbled about the price of iron.", "en+m3");
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("espeak en+m3: 8 words -> %.2f s audio in %.0f ms, RTF %.3f%n", clip.seconds(), ms,
                ms / 1000 / clip.seconds());
        assertThat(clip.seconds()).isBetween(8 / 5.0, 8 / 1.0 + 1.0);
        assertThat(Pcm.rms(clip.samples())).isGreaterThan(300);
        assertThat(Sound.voicedShare(clip.samples(), clip.sampleRate(), 300)).isGreaterThan(0.4);
    }

    @Test
    void textThatLooksLikeAnOptionIsSpoken() {
        Wav.Clip clip = ESPEAK.synthesize("--help -v xx \"quoted\" (aside)", "en-us");
        assertThat(clip.seconds()).isGreaterThan(0.5);
        assertThat(Pcm.rms(clip.samples())).isGreaterThan(300);
    }

    @Test
    void unknownOrHostileVoicesAreRejected() {
        assertThatThrownBy(() -> ESPEAK.synthesize("Hello.", "zzqq")).isInstanceOf(UnknownVoiceException.class);
        assertThatThrownBy(() -> ESPEAK.synthesize("Hello.", "--version")).isInstanceOf(UnknownVoiceException.class);
        assertThatThrownBy(() -> ESPEAK.synthesize("Hello.", "../../etc/passwd")).isInstanceOf(UnknownVoiceException.class);
    }

    @Test
    void missingEspeakIsOneClearLine() {
        try (EspeakSynthesizer missing = new EspeakSynthesizer(new EspeakSynthesizer.Settings("/nonexistent/espeak-ng", Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> missing.synthesize("Hello.", "en")).isInstanceOf(SynthesisException.class)
                    .hasMessageContaining("scripts/install-speech-deps.sh").hasMessageNotContaining("\n");
        }
    }
}
