package dev.glyphoxa.voicebridge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoiceChannelsTest {

    final FakeVoiceChannel local = new FakeVoiceChannel("local");
    final FakeVoiceChannel discord = new FakeVoiceChannel("discord");
    final VoiceChannels channels = new VoiceChannels(List.of(local, discord));

    @Test
    void npcAudioGoesToTheChannelCarryingTheSessionElseToTheLocalOne() {
        discord.join("on-discord", "t", "1/2");
        channels.play(TestAudio.npcTurn("on-discord", "t", null, 1).getFirst());
        channels.play(TestAudio.npcTurn("elsewhere", "t", null, 1).getFirst());

        assertThat(discord.played).extracting(p -> p.getSessionId()).containsExactly("on-discord");
        assertThat(local.played).extracting(p -> p.getSessionId()).containsExactly("elsewhere");
    }

    @Test
    void aBargeInCutsInTheChannelCarryingTheSession() {
        discord.join("on-discord", "t", "1/2");
        discord.speaking.add("on-discord");
        assertThat(channels.cutPlaying("on-discord", "aria")).isTrue();
        assertThat(channels.cutPlaying("elsewhere", "aria")).as("local: nothing speaking").isFalse();
        assertThat(discord.calls).contains("cut on-discord by aria");
        assertThat(local.calls).containsExactly("cut elsewhere by aria");
    }

    @Test
    void packetsOfACutTurnAreNotPlayedAnywhere() {
        dev.glyphoxa.stage.CutTurns cut = new dev.glyphoxa.stage.CutTurns();
        VoiceChannels withMemory = new VoiceChannels(List.of(local, discord), cut);
        cut.cut("s", "gone");
        assertThat(withMemory.play(TestAudio.npcTurn("s", "gone", null, 1).getFirst())).isFalse();
        assertThat(withMemory.play(TestAudio.npcTurn("s", "next", null, 1).getFirst())).isTrue();
        assertThat(local.played).extracting(p -> p.getTurnId()).containsExactly("next");
    }

    @Test
    void withoutALocalChannelUncarriedAudioIsNotPlayed() {
        VoiceChannels discordOnly = new VoiceChannels(List.of(discord));
        assertThat(discordOnly.play(TestAudio.npcTurn("nobody", "t", null, 1).getFirst())).isFalse();
    }

    @Test
    void leavingEverywhereReachesTheChannelThatCarriesIt() {
        discord.join("s", "t", "1/2");
        channels.leaveEverywhere("s");
        assertThat(discord.calls).containsExactly("join s of t 1/2", "leave s");
    }

    @Test
    void kindsAreUniqueAndParsed() {
        assertThatThrownBy(() -> new VoiceChannels(List.of(local, new FakeVoiceChannel("local"))))
                .hasMessageContaining("two voice channels of kind local");
        assertThat(ChannelRef.parse("local")).isEqualTo(new ChannelRef("local", ""));
        assertThat(ChannelRef.parse(" discord:123/456 ")).isEqualTo(new ChannelRef("discord", "123/456"));
        assertThat(ChannelRef.parse(null)).isEqualTo(new ChannelRef("", ""));
    }
}
