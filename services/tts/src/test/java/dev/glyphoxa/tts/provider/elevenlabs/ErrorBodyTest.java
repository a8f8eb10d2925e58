package dev.glyphoxa.tts.provider.elevenlabs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodyTest {

    @Test
    void readsElevenLabsAndFastApiErrorShapes() {
        assertThat(ErrorBody.describe("{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"You have insufficient quota\"}}"))
                .isEqualTo("quota_exceeded: You have insufficient quota");
        assertThat(ErrorBody.describe("{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"))
                .isEqualTo("body.text: field required");
        assertThat(ErrorBody.describe("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
    }

    @Test
    void anythingElseBecomesAShortSingleLine() {
        assertThat(ErrorBody.describe("<html>\n<body>502\n Bad   Gateway</body></html>")).isEqualTo("<html> <body>502 Bad Gateway</body></html>");
        assertThat(ErrorBody.describe("x".repeat(1000))).hasSize(203).endsWith("...");
        assertThat(ErrorBody.describe("")).isEqualTo("no body");
    }
}
