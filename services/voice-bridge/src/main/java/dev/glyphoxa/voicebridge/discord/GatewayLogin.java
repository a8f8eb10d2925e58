package dev.glyphoxa.voicebridge.discord;

import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Logs the bot in off the startup path, and again after a failure. JDA checks the token with a REST call while
 * building, so a Discord outage at startup would otherwise leave the bridge without Discord until restarted. A
 * token Discord refuses is final: retrying cannot fix it.
 */
final class GatewayLogin {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLogin.class);

    private final Supplier<DiscordGateway> connect;
    private final long baseDelayMs;
    private final long maxDelayMs;
    private volatile DiscordGateway gateway;
    private volatile String problem = "not logged in yet";
    private volatile boolean refused;
    private long nextAttemptMs;
    private int failures;

    GatewayLogin(Supplier<DiscordGateway> connect, long baseDelayMs, long maxDelayMs) {
        this.connect = connect;
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
            LOG.info("Discord bot logging in; {}", DaveLibrary.probe().detail());
        } catch (InvalidTokenException e) {
            refused = true;
            problem = "Discord refused the bot token (glyphoxa.discord.bot-token)";
            LOG.error("{}: Discord voice stays off until the token is fixed", problem);
        } catch (RuntimeException e) {
            problem = "login failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            nextAttemptMs = nowMs + Math.min(baseDelayMs << Math.min(failures, 20), maxDelayMs);
            failures++;
            LOG.warn("Discord {}; trying again in {} ms", problem, nextAttemptMs - nowMs);
        }
        return gateway;
    }

    void close() {
        DiscordGateway g = gateway;
        if (g != null) {
            g.close();
        }
    }
}
