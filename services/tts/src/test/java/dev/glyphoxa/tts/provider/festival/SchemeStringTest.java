package dev.glyphoxa.tts.provider.festival;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemeStringTest {

    @Test
    void escapesQuotesAndBackslashesAndFlattensControlCharacters() {
        assertThat(SchemeString.literal("a \"b\" (c)")).isEqualTo("\"a \\\"b\\\" (c)\"");
        assertThat(SchemeString.literal("x\\\") (quit)")).isEqualTo("\"x\\\\\\\") (quit)\"");
        assertThat(SchemeString.literal("one\ntwo\u0000\u00e9")).isEqualTo("\"one two  \"");
    }

    @Test
    void everyQuoteInsideTheLiteralIsEscaped() {
        String literal = SchemeString.literal("\\\"\\\\\"\"\\");
        String body = literal.substring(1, literal.length() - 1);
        // walking the body as SIOD's reader does never meets an unescaped quote
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\\') {
                i++;
            } else {
                assertThat(body.charAt(i)).isNotEqualTo('"');
            }
        }
    }
}
