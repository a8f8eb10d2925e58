package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TestAudio;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channel's bookkeeping against a fake Discord: join, leave, take-over, re-join after a drop, routing. */
class DiscordVoiceChannelTest {

    long now = 1_000;
    final FakeGateway gateway = new FakeGateway();
    final List<VoicePacket> voiceIn = new ArrayList<>();
    final DiscordVoiceChannel channel = new DiscordVoiceChannel(FakeGateway.settings(), BotTokens.fixed("token"),
            token -> gateway, voiceIn::add, PlaybackListener.NONE, () -> now);

    @org.junit.jupiter.api.BeforeEach
    void logIn() {
        channel.tick(now);   // the watchdog's first round logs the bot in
    }

    @Test
    void joinsLeavesAndIgnoresARedeliveredStart() {
        gateway.ready = true;
        channel.join("s1", "t1", "10/20");
        channel.join("s1", "t1", "10/20");
        assertThat(channel.carries("s1")).isTrue();
        assertThat(gateway.calls).containsExactly("open 10/20");

        channel.leave("s1");
        channel.leave("s1");
        assertThat(channel.carries("s1")).isFalse();
        assertThat(gateway.calls).containsExactly("open 10/20", "close 10");
    }

    @Test
    void aNewSessionInTheSameGuildTakesTheConnectionOver() {
        gateway.ready = true;
        channel.join("old", "t1", "10/20");
        channel.join("new", "t1", "10/21");
        assertThat(channel.carries("old")).isFalse();
        assertThat(gateway.calls).containsExactly("open 10/20", "close 10", "open 10/21");
    }

    @Test
    void reconnectsAfterADroppedConnection() {
        gateway.ready = true;
        channel.join("s1", "t1", "10/20");
        gateway.listeners.get(10L).onStatusChange(ConnectionStatus.CONNECTED);
        assertThat(channel.connections().get("s1")).contains("CONNECTED");

        gateway.listeners.get(10L).onStatusChange(ConnectionStatus.NOT_CONNECTED);
        channel.tick(now + 1_999);
        assertThat(gateway.calls).containsExactly("open 10/20");
        channel.tick(now + 2_000);
        assertThat(gateway.calls).containsExactly("open 10/20", "open 10/20");
    }

    @Test
    void joinsOnceTheGatewayIsReady() {
        channel.join("s1", "t1", "10/20");
        assertThat(gateway.calls).isEmpty();
        assertThat(channel.connections().get("s1")).contains("WAITING").contains("LOGGING_IN");

        gateway.ready = true;
        channel.tick(now + 2_000);
        assertThat(gateway.calls).containsExactly("open 10/20");
    }

    @Test
    void aFailedLoginIsRetriedAndSessionsJoinOnceItWorks() {
        int[] attempts = {0};
        gateway.ready = true;
        DiscordVoiceChannel later = new DiscordVoiceChannel(FakeGateway.settings(), BotTokens.fixed("token"), token -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException("discord.com unreachable");
            }
            return gateway;
        }, voiceIn::add, PlaybackListener.NONE, () -> now);
        later.tick(now);
        later.join("s1", "t1", "10/20");
        assertThat(later.connections().get("s1"))
                .contains("WAITING (bot not logged in: login failed: IllegalStateException: discord.com unreachable)");

        later.tick(now + 1_999);
        assertThat(attempts[0]).isEqualTo(1);
        later.tick(now + 2_000);
        assertThat(attempts[0]).isEqualTo(2);
        later.tick(now + 4_000);
        assertThat(gateway.calls).containsExactly("open 10/20");
    }

    @Test
    void aRefusedTokenIsNotRetried() {
        int[] attempts = {0};
        DiscordVoiceChannel refused = new DiscordVoiceChannel(FakeGateway.settings(), BotTokens.fixed("token"), token -> {
            attempts[0]++;
            throw new net.dv8tion.jda.api.exceptions.InvalidTokenException();
        }, voiceIn::add, PlaybackListener.NONE, () -> now);
        refused.tick(now);
        refused.tick(now + 3_600_000);
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(refused.status().ready()).isFalse();
    }

    @Test
    void aMalformedChannelReferenceIsRefused() {
        assertThatThrownBy(() -> channel.join("s1", "t1", "general")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discord:<guildId>/<voiceChannelId>");
        assertThatThrownBy(() -> channel.join("s1", "t1", "10/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void npcAudioGoesOutAndPlayersComeInWithoutTheBot() {
        gateway.ready = true;
        channel.join("s1", "t1", "10/20");
        TestAudio.npcTurn("s1", "t", null, 3).forEach(channel::play);
        assertThat(gateway.senders.get(10L).canProvide()).isTrue();

        byte[] opus = TestAudio.tone(220, 1, 2).getFirst();
        gateway.receivers.get(10L).handleEncodedAudio(ReceivedAudioMapperTest.jdaPacket(77, 1, 5, opus));
        gateway.receivers.get(10L).handleEncodedAudio(ReceivedAudioMapperTest.jdaPacket(FakeGateway.SELF, 2, 5, opus));
        assertThat(voiceIn).extracting(VoicePacket::getSpeakerId).containsExactly("77");
        assertThat(voiceIn.getFirst().getSessionId()).isEqualTo("s1");
    }

    @Test
    void offWithoutATokenSaysDisabledAndJoinsNothing() {
        DiscordVoiceChannel off = new DiscordVoiceChannel(DiscordSettings.disabled(), null, null, voiceIn::add, PlaybackListener.NONE, () -> now);
        off.join("s1", "t1", "10/20");
        assertThat(off.carries("s1")).isFalse();
        assertThat(off.status().ready()).isTrue();
        assertThat(off.status().detail()).isEqualTo("disabled");
        assertThat(off.name()).isEqualTo("discord-voice");
    }
}
