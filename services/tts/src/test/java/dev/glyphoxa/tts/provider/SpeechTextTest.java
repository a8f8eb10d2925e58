package dev.glyphoxa.tts.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpeechTextTest {

    @Test
    void makesPlainAsciiWithSingleSpaces() {
        assertThat(SpeechText.clean("  *Grins*  \u201cWelcome\u201d\u2014to the caf\u00e9\u2026\n\tSit!  "))
                .isEqualTo("Grins \"Welcome\", to the cafe... Sit!");
        assertThat(SpeechText.clean("[[h@l'oU]] `code` #tag \u2603 \u0000end")).isEqualTo("((h@l'oU)) code tag end");
        assertThat(SpeechText.clean(null)).isEmpty();
    }

    @Test
    void speakableMeansALetterOrDigit() {
        assertThat(SpeechText.isSpeakable(SpeechText.clean("  ...  "))).isFalse();
        assertThat(SpeechText.isSpeakable(SpeechText.clean("\u2603 \u2014"))).isFalse();
        assertThat(SpeechText.isSpeakable(SpeechText.clean("42!"))).isTrue();
    }
}
