package dev.glyphoxa.voicebridge.discord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tries the real native library. Whether it should load depends on this machine's C library, asked at run time:
 * on glibc >= 2.38 (Debian 13, Ubuntu 24.04, the eclipse-temurin:25 images) it must load; on older glibc (Debian 12
 * has 2.36) it must fail the documented way, and readiness must say why.
 */
class DaveLibraryTest {

    @Test
    void libdaveLoadsExactlyWhereGlibcIsNewEnough() {
        String glibc = DaveLibrary.glibcVersion();
        DaveLibrary.Probe probe = DaveLibrary.probe();

        if (DaveLibrary.atLeast(glibc, 2, 38)) {
            assertThat(probe.loaded()).as("glibc %s should load libdave: %s", glibc, probe.detail()).isTrue();
            assertThat(probe.detail()).contains("DAVE protocol");
        } else {
            assertThat(probe.loaded()).as("glibc %s is older than libdave needs, yet it loaded", glibc).isFalse();
            assertThat(probe.detail()).contains("Cannot open library").contains("glibc " + glibc).contains("2.38");
        }
        assertThat(DaveLibrary.probe()).as("probed once per process").isSameAs(probe);
    }

    @Test
    void readinessIsDownWithTheReasonWhenDiscordIsOnButDaveCannotLoad() {
        FakeGateway gateway = new FakeGateway();
        gateway.ready = true;
        DiscordVoiceChannel channel = new DiscordVoiceChannel(FakeGateway.settings(), BotTokens.fixed("token"), token -> gateway, p -> { }, dev.glyphoxa.voicebridge.PlaybackListener.NONE, () -> 0L);
        channel.tick(0);
        boolean loads = DaveLibrary.probe().loaded();
        assertThat(channel.status().ready()).isEqualTo(loads);
        if (!loads) {
            assertThat(channel.status().detail()).contains("DAVE").contains("libdave does not load");
        }
    }

    @Test
    void comparesVersions() {
        assertThat(DaveLibrary.atLeast("2.36", 2, 38)).isFalse();
        assertThat(DaveLibrary.atLeast("2.38", 2, 38)).isTrue();
        assertThat(DaveLibrary.atLeast("2.41", 2, 38)).isTrue();
        assertThat(DaveLibrary.atLeast("3.0", 2, 38)).isTrue();
        assertThat(DaveLibrary.atLeast("not glibc", 2, 38)).isFalse();
    }
}
