package dev.glyphoxa.voicebridge.discord;

import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a session's voice connection is doing and when to open it again. JDA reconnects by itself after the
 * errors it can recover from ({@link ConnectionStatus#shouldReconnect()}); this covers the rest: a connection
 * that ended although the session still runs (or never got going, e.g. the gateway was not ready yet) is
 * re-opened with a growing delay, and one that hangs in connecting is re-opened after {@code stallMs}. A
 * connection someone ended on purpose (bot kicked, permission taken, channel deleted) is left closed and shown
 * as failed: rejoining would fight the people in the guild. Times are passed in, so tests drive it.
 */
public final class VoiceLink {

    public enum Phase { WAITING, CONNECTING, CONNECTED, RECONNECTING, DROPPED, FAILED }

    private static final Set<ConnectionStatus> ENDED_ON_PURPOSE = EnumSet.of(ConnectionStatus.DISCONNECTED_KICKED_FROM_CHANNEL,
            ConnectionStatus.DISCONNECTED_LOST_PERMISSION, ConnectionStatus.DISCONNECTED_CHANNEL_DELETED,
            ConnectionStatus.DISCONNECTED_REMOVED_FROM_GUILD);

    private final long baseDelayMs;
    private final long maxDelayMs;
    private final long stallMs;
    private Phase phase = Phase.WAITING;
    private String detail = "not opened yet";
    private long sinceMs;
    private long nextAttemptMs;
    private int failures;
    private boolean closed;

    public VoiceLink(long baseDelayMs, long maxDelayMs, long stallMs, long nowMs) {
        this.baseDelayMs = baseDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.stallMs = stallMs;
        this.sinceMs = nowMs;
        this.nextAttemptMs = nowMs;
    }

    /** The channel is asking JDA to open the connection now. */
    public synchronized void opening(long nowMs) {
        enter(Phase.CONNECTING, "opening", nowMs);
    }

    /** Opening was refused before reaching Discord (gateway not ready, guild or channel unknown). */
    public synchronized void openFailed(String why, long nowMs) {
        enter(Phase.WAITING, why, nowMs);
        scheduleRetry(nowMs);
    }

    public synchronized void onStatus(ConnectionStatus status, long nowMs) {
        if (closed) {
            return;   // our own leave closed it
        }
        switch (status) {
            case CONNECTED -> {
                failures = 0;
                enter(Phase.CONNECTED, status.name(), nowMs);
            }
            case CONNECTING_AWAITING_ENDPOINT, CONNECTING_AWAITING_WEBSOCKET_CONNECT, CONNECTING_AWAITING_AUTHENTICATION,
                 CONNECTING_ATTEMPTING_UDP_DISCOVERY, CONNECTING_AWAITING_READY -> {
                if (phase != Phase.CONNECTING && phase != Phase.RECONNECTING) {
                    enter(Phase.CONNECTING, status.name(), nowMs);
                } else {
                    detail = status.name();
                }
            }
            default -> {
                if (ENDED_ON_PURPOSE.contains(status)) {
                    enter(Phase.FAILED, status.name(), nowMs);
                } else if (status.shouldReconnect()) {
                    enter(Phase.RECONNECTING, status.name(), nowMs);
                } else {
                    enter(Phase.DROPPED, status.name(), nowMs);
                    scheduleRetry(nowMs);
                }
            }
        }
    }

    /** Whether the channel should open the connection (again) now. */
    public synchronized boolean rejoinDue(long nowMs) {
        return switch (phase) {
            case WAITING, DROPPED -> !closed && nowMs >= nextAttemptMs;
            case CONNECTING, RECONNECTING -> !closed && nowMs - sinceMs >= stallMs;
            case CONNECTED, FAILED -> false;
        };
    }

    /** After leave: statuses still arriving from the closing connection are ignored. */
    public synchronized void close() {
        closed = true;
    }

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized String describe() {
        return phase + (detail.equals(phase.name()) ? "" : " (" + detail + ")");
    }

    private void enter(Phase next, String why, long nowMs) {
        if (next != phase) {
            sinceMs = nowMs;
        }
        phase = next;
        detail = why == null ? next.name() : why;
    }

    private void scheduleRetry(long nowMs) {
        long delay = baseDelayMs << Math.min(failures, 20);
        nextAttemptMs = nowMs + Math.min(delay, maxDelayMs);
        failures++;
    }
}
