package dev.glyphoxa.voicebridge.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Discord voice of this bridge. Where bot tokens come from ({@link BotTokens}): with {@code gatewayUrl} set, each
 * tenant's own bot token from the gateway's internal route (a session joins with its tenant's bot); without it,
 * the one {@code botToken} for every session (single-tenant deployments).
 *
 * @param botToken       the deployment's one bot token (env DISCORD_BOT_TOKEN, from a Kubernetes Secret); never
 *                       logged; ignored when {@code gatewayUrl} is set
 * @param enabled        unset: on exactly when a token or a gateway URL is set; false switches Discord off anyway;
 *                       true without either refuses to start
 * @param jitterPackets  packets of a new NPC turn buffered before it starts playing (absorbs uneven arrival)
 * @param gapTimeoutMs   how long playback waits for a missing packet before skipping it
 * @param idleTurnMs     a turn that received nothing for this long is given up (its producer died)
 * @param rejoinDelayMs  first wait before re-opening a dropped voice connection; doubles per failed attempt
 * @param rejoinMaxDelayMs upper bound of that wait
 * @param stallMs        a connection still connecting (or in JDA's own reconnect) after this long is re-opened
 * @param gatewayUrl     the gateway's base URL (env GLYPHOXA_GATEWAY_URL, e.g. http://gateway:8080): bot tokens per
 *                       tenant from {@code GET /internal/tenants/{id}/bot-token}
 * @param internalKey    the gateway's internal service key (env GLYPHOXA_INTERNAL_KEY); required with gatewayUrl;
 *                       never logged
 * @param tokenTimeoutMs how long a token request to the gateway may take before the login counts as failed
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
        @Bindable(defaultValue = "45000") long stallMs,
        @Nullable String gatewayUrl,
        @Nullable String internalKey,
        @Bindable(defaultValue = "5000") long tokenTimeoutMs) {

    public DiscordSettings {
        if (Boolean.TRUE.equals(enabled) && !hasToken(botToken) && !hasToken(gatewayUrl)) {
            throw new IllegalStateException("glyphoxa.discord.enabled is true but no bot token is configured: "
                    + "set DISCORD_BOT_TOKEN (glyphoxa.discord.bot-token) or GLYPHOXA_GATEWAY_URL (per-tenant bots)");
        }
        if (hasToken(gatewayUrl) && !hasToken(internalKey)) {
            throw new IllegalStateException("glyphoxa.discord.gateway-url is set but no internal key: set "
                    + "GLYPHOXA_INTERNAL_KEY (glyphoxa.discord.internal-key) to the gateway's internal service key");
        }
    }

    /** Settings with Discord off, for tests and tools. */
    public static DiscordSettings disabled() {
        return withToken(null, false);
    }

    /** The deployment's one bot token and default timings. */
    public static DiscordSettings withToken(String botToken, Boolean enabled) {
        return new DiscordSettings(botToken, enabled, 3, 100, 5000, 2000, 60000, 45000, null, null, 5000);
    }

    public boolean active() {
        return (hasToken(botToken) || tokensFromGateway()) && !Boolean.FALSE.equals(enabled);
    }

    /** Whether each tenant's own bot token comes from the gateway. */
    public boolean tokensFromGateway() {
        return hasToken(gatewayUrl);
    }

    private static boolean hasToken(String token) {
        return token != null && !token.isBlank();
    }

    /** Without the token and the key: records print every component, and settings do end up in logs and exceptions. */
    @Override
    public String toString() {
        return "DiscordSettings[botToken=" + (hasToken(botToken) ? "(set)" : "(none)") + ", enabled=" + enabled
                + ", jitterPackets=" + jitterPackets + ", gapTimeoutMs=" + gapTimeoutMs + ", idleTurnMs=" + idleTurnMs
                + ", rejoinDelayMs=" + rejoinDelayMs + ", rejoinMaxDelayMs=" + rejoinMaxDelayMs + ", stallMs=" + stallMs + ", gatewayUrl=" + gatewayUrl
                + ", internalKey=" + (hasToken(internalKey) ? "(set)" : "(none)") + ", tokenTimeoutMs=" + tokenTimeoutMs + "]";
    }
}
