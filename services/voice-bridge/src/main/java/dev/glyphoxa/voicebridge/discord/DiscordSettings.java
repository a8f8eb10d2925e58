package dev.glyphoxa.voicebridge.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Discord voice of this bridge. One bot token per deployment (see README): the gateway keeps a token per
 * tenant, but handing those to the bridge is future work.
 *
 * @param botToken       the bot's token (env DISCORD_BOT_TOKEN, from a Kubernetes Secret); never logged
 * @param enabled        unset: on exactly when a token is set; false switches Discord off despite a token;
 *                       true without a token refuses to start
 * @param jitterPackets  packets of a new NPC turn buffered before it starts playing (absorbs uneven arrival)
 * @param gapTimeoutMs   how long playback waits for a missing packet before skipping it
 * @param idleTurnMs     a turn that received nothing for this long is given up (its producer died)
 * @param rejoinDelayMs  first wait before re-opening a dropped voice connection; doubles per failed attempt
 * @param rejoinMaxDelayMs upper bound of that wait
 * @param stallMs        a connection still connecting (or in JDA's own reconnect) after this long is re-opened
 */
@ConfigurationProperties("glyphoxa.discord")
public record DiscordSettings(
        @Nullable String botToken,
        @Nullable Boolean enabled,
        @Bindable(defaultValue = "3") int jitterPackets,
        @Bindable(defaultValue = "100") int gapTimeoutMs,
        @Bindable(defaultValue = "5000") int idleTurnMs,
        @Bindable(defaultValue = "2000") long rejoinDelayMs,
        @Bindable(defaultValue = "60000") long rejoinMaxDelayMs,
        @Bindable(defaultValue = "45000") long stallMs) {

    public DiscordSettings {
        if (Boolean.TRUE.equals(enabled) && !hasToken(botToken)) {
            throw new IllegalStateException("glyphoxa.discord.enabled is true but no bot token is configured: "
                    + "set DISCORD_BOT_TOKEN (glyphoxa.discord.bot-token)");
        }
    }

    /** Settings with Discord off, for tests and tools. */
    public static DiscordSettings disabled() {
        return new DiscordSettings(null, false, 3, 100, 5000, 2000, 60000, 45000);
    }

    public boolean active() {
        return hasToken(botToken) && !Boolean.FALSE.equals(enabled);
    }

    private static boolean hasToken(String token) {
        return token != null && !token.isBlank();
    }

    /** Without the token: records print every component, and settings do end up in logs and exceptions. */
    @Override
    public String toString() {
        return "DiscordSettings[botToken=" + (hasToken(botToken) ? "(set)" : "(none)") + ", enabled=" + enabled
                + ", jitterPackets=" + jitterPackets + ", gapTimeoutMs=" + gapTimeoutMs + ", idleTurnMs=" + idleTurnMs
                + ", rejoinDelayMs=" + rejoinDelayMs + ", rejoinMaxDelayMs=" + rejoinMaxDelayMs + ", stallMs=" + stallMs + "]";
    }
}
