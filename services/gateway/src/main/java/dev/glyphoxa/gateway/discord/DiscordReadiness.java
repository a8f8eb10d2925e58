package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.stage.ReadinessCheck;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.JDA;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code discord} on /readyz: each tenant's bot and its JDA status. Not ready while a bot is not connected (logging in,
 * reconnecting); a token Discord refused is reported but does not make the gateway unready, since it is one tenant's
 * configuration and the admin API still serves everyone.
 */
@Singleton
public class DiscordReadiness implements ReadinessCheck {

    private final DiscordSettings settings;
    private final DiscordBots bots;

    public DiscordReadiness(DiscordSettings settings, DiscordBots bots) {
        this.settings = settings;
        this.bots = bots;
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public Status status() {
        if (!settings.enabled()) {
            return Status.ready("disabled");
        }
        Map<String, JDA.Status> statuses = bots.statuses();
        if (statuses.isEmpty()) {
            return Status.ready("enabled; no tenant has a bot token");
        }
        String detail = statuses.entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getValue() == null ? "token refused by Discord" : e.getValue()))
                .collect(Collectors.joining(", "));
        boolean connected = statuses.values().stream().allMatch(s -> s == null || s == JDA.Status.CONNECTED);
        return connected ? Status.ready(detail) : Status.notReady(detail);
    }
}
