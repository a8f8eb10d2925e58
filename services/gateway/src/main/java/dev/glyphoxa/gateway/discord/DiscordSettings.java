package dev.glyphoxa.gateway.discord;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param enabled      start a Discord bot for every tenant with a bot token; off by default, so a local run needs no token
 * @param restBaseUrl  Discord's REST API base (default {@code https://discord.com/api/v10/}); tests point it at a fake
 * @param gatewayUrl   Discord's gateway WebSocket (default: JDA's {@code wss://gateway.discord.gg/}); tests point it at a
 *                     fake, which then also gets uncompressed frames
 * @param refreshEvery how often tenants are compared with the running bots: a token set, changed or cleared through the
 *                     admin API takes effect within this time, without a restart
 */
@ConfigurationProperties("glyphoxa.discord")
public record DiscordSettings(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String restBaseUrl,
        @Nullable String gatewayUrl,
        @Bindable(defaultValue = "1m") Duration refreshEvery) {
}
