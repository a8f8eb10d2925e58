package dev.glyphoxa.voicebridge.discord;

import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Logs one bot in off the startup path, and again after a failure. JDA checks the token with a REST call while
 * building, so a Discord outage (or a gateway that cannot hand out the token yet) would otherwise leave the bot
 * out until restarted. A token Discord refuses is final for a fixed token; a tenant's token from the gateway is
 * fetched again after the usual back-off ({@code onRefused} says which), since the tenant may have replaced it.
 */
final class GatewayLogin {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLogin.class);

    private final String bot;
    private final Supplier<DiscordGateway> connect;
    private final BooleanSupplier onRefused;
    private final long baseDelayMs;
    private final long maxDelayMs;
    private volatile DiscordGateway gateway;
    private volatile String problem = "not logged in yet";
    private volatile boolean refused;
    private long nextAttemptMs;
    private int failures;

    /**
     * @param bot       the bot's name for logs (never the token)
     * @param onRefused called when Discord refuses the token; true = fetching the token again may help
     */
    GatewayLogin(String bot, Supplier<DiscordGateway> connect, BooleanSupplier onRefused, long baseDelayMs, long maxDelayMs) {
        this.bot = bot;
        this.connect = connect;
        this.onRefused = onRefused;
        this.baseDelayMs = baseDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    /** The logged-in gateway, or null. */
    DiscordGateway gateway() {
        return gateway;
    }

    /** Why there is no gateway; null once there is one. */
    String problem() {
        return problem;
    }

    /** Logs in when there is no gateway and the next attempt is due; returns the gateway or null. */
    synchronized DiscordGateway attempt(long nowMs) {
        if (gateway != null || refused || nowMs < nextAttemptMs) {
            return gateway;
        }
        try {
            gateway = connect.get();
            problem = null;
            LOG.info("Discord {} logging in; {}", bot, DaveLibrary.probe().detail());
        } catch (InvalidTokenException e) {
            if (onRefused.getAsBoolean()) {
                retryLater("Discord refused the bot token of " + bot + " (fetched again on the next attempt)", nowMs);
            } else {
                refused = true;
                problem = "Discord refused the bot token (glyphoxa.discord.bot-token)";
                LOG.error("{}: Discord voice stays off until the token is fixed", problem);
            }
        } catch (BotTokenException e) {
            retryLater("no bot token: " + e.getMessage(), nowMs);
        } catch (RuntimeException e) {
            retryLater("login failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), nowMs);
        }
        return gateway;
    }

    private void retryLater(String why, long nowMs) {
        problem = why;
        nextAttemptMs = nowMs + Math.min(baseDelayMs << Math.min(failures, 20), maxDelayMs);
        failures++;
        LOG.warn("Discord {}: {}; trying again in {} ms", bot, problem, nextAttemptMs - nowMs);
    }

    void close() {
        DiscordGateway g = gateway;
        if (g != null) {
            g.close();
        }
    }
}
