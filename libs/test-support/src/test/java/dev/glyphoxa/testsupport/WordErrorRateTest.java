package dev.glyphoxa.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsInsertionsAndDeletionsAtWordLevel() {
        assertThat(WordErrorRate.errors("where can i find the blacksmith", "where can i find the blacksmith")).isZero();
        assertThat(WordErrorRate.errors("we rest at the tavern", "we arrest at the tavern")).isEqualTo(1);
        assertThat(WordErrorRate.errors("ask grimjaw about the gold", "ask graham ya about the gold")).isEqualTo(2);
        assertThat(WordErrorRate.errors("a b c", "")).isEqualTo(3);
        assertThat(WordErrorRate.errors("a b c", "a c")).isEqualTo(1);
        assertThat(WordErrorRate.wer("Where, can I?", "where can i")).isZero();
        assertThat(WordErrorRate.accuracy("tell me about the mine", "tell me about the mind")).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }
}
