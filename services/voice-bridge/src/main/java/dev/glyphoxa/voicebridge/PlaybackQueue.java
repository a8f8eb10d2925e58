package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NPC audio waiting to be played in one session: turns in the order their first packet arrived, packets
 * of a turn in (line, packet) order. Duplicates (a TTS instance re-doing a line after a crash) are dropped; a
 * packet that never comes is skipped after {@code gapTimeoutMs} so one lost record cannot stall the voice.
 * Thread-safe: the Kafka receiver offers, the channel's 20 ms clock polls.
 */
public final class PlaybackQueue {

    /** What {@link #poll} hands the channel: the packet plus whether it starts or ends its turn. */
    public record Frame(NpcAudio packet, boolean firstOfTurn, boolean lastOfTurn) {
    }

    private static final long IDLE_TURN_MS = 5_000;

    private final long gapTimeoutMs;
    private final Deque<Turn> turns = new ArrayDeque<>();
    private final Set<String> finishedTurns = new HashSet<>();

    public PlaybackQueue(long gapTimeoutMs) {
        this.gapTimeoutMs = gapTimeoutMs;
    }

    private static final class Turn {
        final String id;
        final TreeMap<Long, NpcAudio> packets = new TreeMap<>();
        final Set<Long> seen = new HashSet<>();
        long lastPlayedKey = -1;
        boolean lastPlayedEndsLine = true;
        boolean started;
        long waitingSince = -1;
        long lastArrivalMs;

        Turn(String id) {
            this.id = id;
        }
    }

    private static long key(NpcAudio p) {
        return ((long) p.getLineSequence() << 32) | (p.getPacketSequence() & 0xffffffffL);
    }

    public synchronized void offer(NpcAudio packet, long nowMs) {
        if (finishedTurns.contains(packet.getTurnId())) {
            return;
        }
        Turn turn = turns.stream().filter(t -> t.id.equals(packet.getTurnId())).findFirst().orElse(null);
        if (turn == null) {
            turn = new Turn(packet.getTurnId());
            turns.addLast(turn);
        }
        long k = key(packet);
        if (turn.seen.add(k) && k > turn.lastPlayedKey) {
            turn.packets.put(k, packet);
        }
        turn.lastArrivalMs = nowMs;
    }

    /** The next packet to play now, or null when nothing is due. */
    public synchronized Frame poll(long nowMs) {
        Turn turn = turns.peekFirst();
        while (turn != null && turn.packets.isEmpty() && nowMs - turn.lastArrivalMs > IDLE_TURN_MS) {
            // A turn whose last packet never arrived (its producer died for good): let the next one speak.
            finish(turn);
            turn = turns.peekFirst();
        }
        if (turn == null || turn.packets.isEmpty()) {
            return null;
        }
        Map.Entry<Long, NpcAudio> next = turn.packets.firstEntry();
        if (!isSuccessor(turn, next.getKey())) {
            if (turn.waitingSince < 0) {
                turn.waitingSince = nowMs;
            }
            if (nowMs - turn.waitingSince < gapTimeoutMs) {
                return null;
            }
        }
        turn.waitingSince = -1;
        turn.packets.pollFirstEntry();
        NpcAudio packet = next.getValue();
        boolean first = !turn.started;
        turn.started = true;
        turn.lastPlayedKey = next.getKey();
        turn.lastPlayedEndsLine = packet.getLastInLine();
        boolean last = packet.getLastInTurn();
        if (last) {
            finish(turn);
        }
        return new Frame(packet, first, last);
    }

    private boolean isSuccessor(Turn turn, long k) {
        if (turn.lastPlayedKey < 0) {
            return k == 0;
        }
        long line = turn.lastPlayedKey >>> 32;
        if (k == turn.lastPlayedKey + 1) {
            return true;
        }
        return turn.lastPlayedEndsLine && k == ((line + 1) << 32);
    }

    private void finish(Turn turn) {
        turns.remove(turn);
        finishedTurns.add(turn.id);
    }

    public synchronized boolean isEmpty() {
        return turns.isEmpty();
    }
}
