package dev.glyphoxa.voicebridge.discord;

import org.junit.jupiter.api.Test;

import static net.dv8tion.jda.api.audio.hooks.ConnectionStatus.CONNECTED;
import static net.dv8tion.jda.api.audio.hooks.ConnectionStatus.CONNECTING_AWAITING_ENDPOINT;
import static net.dv8tion.jda.api.audio.hooks.ConnectionStatus.DISCONNECTED_KICKED_FROM_CHANNEL;
import static net.dv8tion.jda.api.audio.hooks.ConnectionStatus.ERROR_LOST_CONNECTION;
import static net.dv8tion.jda.api.audio.hooks.ConnectionStatus.NOT_CONNECTED;
import static org.assertj.core.api.Assertions.assertThat;

class VoiceLinkTest {

    final VoiceLink link = new VoiceLink(1000, 8000, 30_000, 0);

    @Test
    void aDroppedConnectionIsReopenedWithGrowingDelays() {
        link.opening(0);
        link.onStatus(CONNECTED, 100);
        assertThat(link.rejoinDue(100_000)).isFalse();

        link.onStatus(NOT_CONNECTED, 200_000);
        assertThat(link.phase()).isEqualTo(VoiceLink.Phase.DROPPED);
        assertThat(link.rejoinDue(200_999)).isFalse();
        assertThat(link.rejoinDue(201_000)).isTrue();

        link.opening(201_000);
        link.openFailed("guild unknown", 201_000);
        assertThat(link.rejoinDue(202_999)).as("second attempt waits twice as long").isFalse();
        assertThat(link.rejoinDue(203_000)).isTrue();

        link.opening(203_000);
        link.onStatus(CONNECTING_AWAITING_ENDPOINT, 203_010);
        link.onStatus(CONNECTED, 203_500);
        link.onStatus(NOT_CONNECTED, 300_000);
        assertThat(link.rejoinDue(301_000)).as("a connection that worked starts again from the first delay").isTrue();
    }

    @Test
    void jdaRetriesItsOwnRecoverableErrorsUntilTheyStall() {
        link.opening(0);
        link.onStatus(CONNECTED, 10);
        link.onStatus(ERROR_LOST_CONNECTION, 1_000);
        assertThat(link.phase()).isEqualTo(VoiceLink.Phase.RECONNECTING);
        assertThat(link.rejoinDue(30_999)).isFalse();
        assertThat(link.rejoinDue(31_000)).isTrue();
        link.onStatus(CONNECTED, 5_000);
        assertThat(link.rejoinDue(100_000)).isFalse();
    }

    @Test
    void aBotKickedOnPurposeStaysOut() {
        link.opening(0);
        link.onStatus(CONNECTED, 10);
        link.onStatus(DISCONNECTED_KICKED_FROM_CHANNEL, 20);
        assertThat(link.phase()).isEqualTo(VoiceLink.Phase.FAILED);
        assertThat(link.rejoinDue(10_000_000)).isFalse();
        assertThat(link.describe()).contains("DISCONNECTED_KICKED_FROM_CHANNEL");
    }

    @Test
    void statusesAfterLeavingAreIgnored() {
        link.opening(0);
        link.onStatus(CONNECTED, 10);
        link.close();
        link.onStatus(NOT_CONNECTED, 20);
        assertThat(link.phase()).isEqualTo(VoiceLink.Phase.CONNECTED);
        assertThat(link.rejoinDue(10_000_000)).isFalse();
    }
}
