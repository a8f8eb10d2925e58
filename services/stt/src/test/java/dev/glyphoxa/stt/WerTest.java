package dev.glyphoxa.stt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WerTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletionsAtWordLevel() {
        assertThat(TestSpeech.errors("where can i find the blacksmith", "where can i find the blacksmith")).isZero();
        assertThat(TestSpeech.errors("we rest at the tavern", "we arrest at the tavern")).isEqualTo(1);
        assertThat(TestSpeech.errors("ask grimjaw about the gold", "ask graham ya about the gold")).isEqualTo(2);
        assertThat(TestSpeech.errors("a b c", "")).isEqualTo(3);
        assertThat(TestSpeech.errors("a b c", "a c")).isEqualTo(1);
        assertThat(TestSpeech.wer("Where, can I?", "where can i")).isZero();
    }
}
