package dev.glyphoxa.gateway;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.transcript.TranscriptListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptListenerTest {

    @Test
    void listensToTheDeclaredTopics() {
        // @Topic needs compile-time constants; they must not drift from the one declaration in Topics.
        assertThat(TranscriptListener.TRANSCRIPTS).isEqualTo(Topics.TRANSCRIPTS.name());
        assertThat(TranscriptListener.NPC_LINES).isEqualTo(Topics.NPC_LINES.name());
        assertThat(TranscriptListener.PLAYBACK).isEqualTo(Topics.PLAYBACK.name());
        assertThat(TranscriptListener.GROUP).isEqualTo("glyphoxa-gateway");
    }
}
