package dev.glyphoxa.voicebridge.discord;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One bot of the Discord channel: its login and the sessions it carries. A tenant's bot is created on the
 * tenant's first session and logged out by the watchdog once its last session left ({@link #idle}): a bridge
 * serving many tenants would otherwise hold a gateway connection per tenant it ever saw. The deployment's single
 * bot (fixed token) is kept for the life of the process, as before, so readiness still tells at start-up whether
 * its token works.
 */
final class TenantBot {

    private final String name;
    private final GatewayLogin login;
    private final boolean kept;
    private final Set<String> sessions = new LinkedHashSet<>();

    TenantBot(String name, GatewayLogin login, boolean kept) {
        this.name = name;
        this.login = login;
        this.kept = kept;
    }

    String name() {
        return name;
    }

    GatewayLogin login() {
        return login;
    }

    /** The logged-in gateway, or null. */
    DiscordGateway gateway() {
        return login.gateway();
    }

    synchronized void add(String sessionId) {
        sessions.add(sessionId);
    }

    synchronized void remove(String sessionId) {
        sessions.remove(sessionId);
    }

    /** No session left and not the kept deployment bot: log it out. */
    synchronized boolean idle() {
        return !kept && sessions.isEmpty();
    }

    /** For readiness: the login state and the sessions, never the token. */
    synchronized String describe() {
        DiscordGateway gateway = login.gateway();
        return name + ": " + (gateway == null ? "not logged in (" + login.problem() + ")" : "gateway " + gateway.status())
                + ", sessions " + sessions;
    }
}
