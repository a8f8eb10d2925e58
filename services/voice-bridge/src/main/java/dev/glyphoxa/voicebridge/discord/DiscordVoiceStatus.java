package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.stage.ReadinessCheck.Status;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code discord-voice} readiness of the Discord channel. With the deployment's one bot, ready once it is
 * logged in and its gateway is connected. With tenant bots, ready when DAVE loads: one tenant's missing or
 * refused token must not take the bridge out of service for every other tenant, so each bot's state is in the
 * detail instead. Never a token.
 */
final class DiscordVoiceStatus {

    private final DiscordSettings settings;
    private final BotTokens tokens;
    private final BotRoster bots;
    private final Supplier<Map<String, String>> connections;

    /** {@code tokens} null: Discord is off; {@code connections} each session's connection, described. */
    DiscordVoiceStatus(DiscordSettings settings, BotTokens tokens, BotRoster bots,
                       Supplier<Map<String, String>> connections) {
        this.settings = settings;
        this.tokens = tokens;
        this.bots = bots;
        this.connections = connections;
    }

    Status status() {
        if (tokens == null) {
            return Status.ready("disabled");
        }
        String botStates = settings.tokensFromGateway() ? botStates() : "";
        DaveLibrary.Probe dave = DaveLibrary.probe();
        if (!dave.loaded()) {
            return Status.notReady("DAVE encryption unavailable, Discord would refuse voice: " + dave.detail() + botStates);
        }
        if (settings.tokensFromGateway()) {
            return Status.ready(tokens.describe() + botStates);
        }
        GatewayLogin login = bots.deploymentLogin();
        DiscordGateway gateway = login.gateway();
        if (gateway == null) {
            return Status.notReady("bot not logged in: " + login.problem());
        }
        if (!gateway.ready()) {
            return Status.notReady("Discord gateway " + gateway.status());
        }
        Map<String, String> now = connections.get();
        return Status.ready("gateway " + gateway.status() + "; " + (now.isEmpty() ? "no voice connections" : now));
    }

    /** Each tenant bot's login and sessions, and each connection. */
    private String botStates() {
        List<String> states = bots.describe();
        return "; " + (states.isEmpty() ? "no tenant bots (each logs in on its tenant's first session)"
                : String.join("; ", states)) + "; connections " + connections.get();
    }
}
