package dev.glyphoxa.gateway.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoicesTest {

    @Test
    void offlineAndCloudEnginesAreVoices() {
        assertThat(Voices.problem("festival:slt")).isNull();
        assertThat(Voices.problem("espeak:en+m3")).isNull();
        assertThat(Voices.problem("elevenlabs:21m00Tcm4TlvDq8ikWAM")).isNull();
    }

    @Test
    void anUnknownEngineOrABareNameIsRefusedWithWhatWouldDo() {
        assertThat(Voices.problem("piper:amy")).contains("'piper' is not a voice engine", "festival, espeak, elevenlabs");
        assertThat(Voices.problem("slt")).contains("is not a voice", "engine:voice");
    }
}
