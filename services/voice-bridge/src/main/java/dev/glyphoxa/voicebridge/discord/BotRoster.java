package dev.glyphoxa.voicebridge.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The bots of the Discord channel, by name: each tenant's own, created on its first session, or the deployment's
 * one bot, created at start and kept. Giving a bot a session and dropping idle bots must not interleave (a bot
 * dropped as idle just as a session joins it would never log in again): {@link DiscordVoiceChannel} does both
 * under its lock. Logging in is not done under it (token request, Discord login: network round trips).
 */
final class BotRoster {

    private final DiscordSettings settings;
    private final BotTokens tokens;
    private final Function<String, DiscordGateway> connect;
    private final Map<String, TenantBot> bots = new ConcurrentHashMap<>();

    /** {@code tokens} null: Discord is off and there are no bots; {@code connect} logs in with a token. */
    BotRoster(DiscordSettings settings, BotTokens tokens, Function<String, DiscordGateway> connect) {
        this.settings = settings;
        this.tokens = tokens;
        this.connect = connect;
        if (tokens != null && !settings.tokensFromGateway()) {
            bots.put(tokens.bot(null), newBot(null, true));
        }
    }

    /** The name of the bot that joins a tenant's sessions. */
    String botName(String tenantId) {
        return tokens.bot(tenantId);
    }

    /** The tenant's bot, created (not logged in yet: the watchdog does that) on its first session. */
    TenantBot forTenant(String tenantId) {
        return bots.computeIfAbsent(tokens.bot(tenantId), name -> newBot(tenantId, false));
    }

    /** Takes the bots with no session left out of the roster; the caller logs them out. */
    List<TenantBot> removeIdle() {
        List<TenantBot> idle = new ArrayList<>();
        bots.values().removeIf(bot -> bot.idle() && idle.add(bot));
        return idle;
    }

    /** Logs in every bot not logged in whose next attempt is due. */
    void attemptLogins(long nowMs) {
        List.copyOf(bots.values()).forEach(bot -> bot.login().attempt(nowMs));
    }

    /** The deployment's one bot's login (fixed token only). */
    GatewayLogin deploymentLogin() {
        return bots.get(tokens.bot(null)).login();
    }

    /** Each bot's login state and sessions, sorted, for readiness; never a token. */
    List<String> describe() {
        return bots.values().stream().map(TenantBot::describe).sorted().toList();
    }

    void logOutAll() {
        bots.values().forEach(bot -> bot.login().close());
        bots.clear();
    }

    private TenantBot newBot(String tenantId, boolean kept) {
        String name = tokens.bot(tenantId);
        return new TenantBot(name, new GatewayLogin(name, () -> connect.apply(tokens.token(tenantId)),
                () -> tokens.refused(tenantId), settings.rejoinDelayMs(), settings.rejoinMaxDelayMs()), kept);
    }
}
