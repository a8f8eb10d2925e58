package dev.glyphoxa.contracts;

import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.VoicePacket;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionKeysTest {

    static VoicePacket packet(String session) {
        return VoicePacket.newBuilder().setSessionId(session).setSpeakerId("p").setSequence(0).setCaptureTsMs(0)
                .setOpus(ByteBuffer.wrap(new byte[]{1})).build();
    }

    @Test
    void keyMustBeTheRecordsSession() {
        assertThatCode(() -> SessionKeys.requireMatch("s-1", packet("s-1"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SessionKeys.requireMatch("s-2", packet("s-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("VoicePacket of session s-1 arrived keyed by session s-2");
        assertThatThrownBy(() -> SessionKeys.requireMatch(null, packet("s-1"))).hasMessageContaining("no session id key");
        assertThatThrownBy(() -> SessionKeys.requireMatch(" ", packet("s-1"))).hasMessageContaining("no session id key");
    }

    @Test
    void recordsWithoutASessionFieldOnlyNeedAKey() {
        DeadLetter letter = DeadLetters.of("x", "t", 0, 0, "k", null, new IllegalStateException("e"));
        assertThatCode(() -> SessionKeys.requireMatch("anything", letter)).doesNotThrowAnyException();
    }
}
