package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NPC audio of one session on its way to Discord: a small jitter buffer that the Discord send handler pulls
 * once per 20 ms frame, so the pace is Discord's (50 packets a second) however bursty {@code voice.out} is.
 *
 * <ul>
 *   <li>A turn starts once {@code jitterPackets} of it are buffered (or it is complete, or that long has passed),
 *       then plays in (line, packet) order; duplicates are dropped, a missing packet is waited for up to
 *       {@code gapTimeoutMs} and then skipped, so one lost record cannot stall the voice.</li>
 *   <li>Only one turn plays: a newer turn cancels the one playing, and the next frame pulled is already the new
 *       turn's (or silence while it buffers) — a player who speaks again is answered, not made to wait.</li>
 *   <li>When the audio runs out, five Opus silence frames are sent, then nothing: Discord's advice, so the
 *       receiving decoders do not interpolate into the next sound, and the speaking indicator goes off.</li>
 * </ul>
 * Thread-safe: the Kafka receiver offers, the Discord send thread pulls.
 */
public final class OutgoingAudioPacer {

    /** Opus frame of silence, as Discord documents it. */
    public static final byte[] SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
    public static final int TRAILING_SILENCE_FRAMES = 5;
    private static final int REMEMBERED_TURNS = 256;

    /** One 20 ms frame for Discord; {@code packet} is null for silence. */
    public record Frame(byte[] opus, NpcAudio packet, boolean firstOfTurn) {
        public boolean silence() {
            return packet == null;
        }
    }

    private final int jitterPackets;
    private final long gapTimeoutMs;
    private final long idleTurnMs;
    private final LinkedHashSet<String> finished = new LinkedHashSet<>();
    private PacedTurn current;
    private int silenceOwed;

    public OutgoingAudioPacer(int jitterPackets, long gapTimeoutMs, long idleTurnMs) {
        this.jitterPackets = Math.max(1, jitterPackets);
        this.gapTimeoutMs = gapTimeoutMs;
        this.idleTurnMs = idleTurnMs;
    }

    public synchronized void offer(NpcAudio packet, long nowMs) {
        String turnId = packet.getTurnId();
        if (finished.contains(turnId)) {
            return;
        }
        if (current == null || !current.id.equals(turnId)) {
            PacedTurn arriving = new PacedTurn(packet, nowMs);
            if (current != null) {
                if (arriving.answersEarlierSpeechThan(current)) {
                    remember(turnId);   // a straggler of a turn the playing one superseded
                    return;
                }
                remember(current.id);
            }
            current = arriving;
        }
        current.add(packet, nowMs);
    }

    /** The frame to send now, or null when there is nothing to send (Discord then sends nothing). */
    public synchronized Frame pull(long nowMs) {
        PacedTurn turn = current;
        if (turn != null && turn.packets.isEmpty() && nowMs - turn.lastArrivalMs > idleTurnMs) {
            finish(turn);   // its producer died before the last packet: let the next turn speak
            turn = null;
        }
        if (turn != null && !turn.packets.isEmpty() && (turn.started || ready(turn, nowMs))) {
            Map.Entry<Long, NpcAudio> next = turn.packets.firstEntry();
            if (!turn.isSuccessor(next.getKey()) && !gapGivenUp(turn, nowMs)) {
                return silence();
            }
            turn.waitingSince = -1;
            turn.packets.pollFirstEntry();
            NpcAudio packet = next.getValue();
            boolean first = !turn.started;
            turn.played(next.getKey(), packet);
            if (packet.getLastInTurn()) {
                finish(turn);
            }
            silenceOwed = TRAILING_SILENCE_FRAMES;
            return new Frame(bytes(packet.getOpus()), packet, first);
        }
        return silence();
    }

    /** "idle", "buffering <turn>" or "playing <turn>", for readiness. */
    public synchronized String state() {
        if (current == null) {
            return "idle";
        }
        return (current.started ? "playing " : "buffering ") + current.id;
    }

    private boolean ready(PacedTurn turn, long nowMs) {
        return turn.packets.size() >= jitterPackets || turn.complete
                || nowMs - turn.firstArrivalMs >= (long) jitterPackets * 20;
    }

    private boolean gapGivenUp(PacedTurn turn, long nowMs) {
        if (turn.waitingSince < 0) {
            turn.waitingSince = nowMs;
        }
        return nowMs - turn.waitingSince >= gapTimeoutMs;
    }

    private Frame silence() {
        if (silenceOwed == 0) {
            return null;
        }
        silenceOwed--;
        return new Frame(SILENCE, null, false);
    }

    private void finish(PacedTurn turn) {
        remember(turn.id);
        if (current == turn) {
            current = null;
        }
    }

    private void remember(String turnId) {
        finished.add(turnId);
        if (finished.size() > REMEMBERED_TURNS) {
            Iterator<String> eldest = finished.iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** One turn's packets in (line, packet) order and how far it has played. */
    private static final class PacedTurn {
        final String id;
        final Long speechEndMs;
        final TreeMap<Long, NpcAudio> packets = new TreeMap<>();
        final Set<Long> seen = new HashSet<>();
        final long firstArrivalMs;
        long lastArrivalMs;
        long lastPlayedKey = -1;
        boolean lastPlayedEndsLine = true;
        boolean started;
        boolean complete;
        long waitingSince = -1;

        PacedTurn(NpcAudio first, long nowMs) {
            this.id = first.getTurnId();
            this.speechEndMs = first.getTimings() == null ? null : first.getTimings().getSpeechEndMs();
            this.firstArrivalMs = nowMs;
        }

        static long key(NpcAudio p) {
            return ((long) p.getLineSequence() << 32) | (p.getPacketSequence() & 0xffffffffL);
        }

        void add(NpcAudio p, long nowMs) {
            long k = key(p);
            if (seen.add(k) && k > lastPlayedKey) {
                packets.put(k, p);
            }
            complete |= p.getLastInTurn();
            lastArrivalMs = nowMs;
        }

        /** Only when both turns know when their player stopped speaking; otherwise arrival order decides. */
        boolean answersEarlierSpeechThan(PacedTurn other) {
            return speechEndMs != null && other.speechEndMs != null && speechEndMs < other.speechEndMs;
        }

        boolean isSuccessor(long k) {
            if (lastPlayedKey < 0) {
                return k == 0;
            }
            return k == lastPlayedKey + 1 || (lastPlayedEndsLine && k == (((lastPlayedKey >>> 32) + 1) << 32));
        }

        void played(long k, NpcAudio p) {
            started = true;
            lastPlayedKey = k;
            lastPlayedEndsLine = p.getLastInLine();
        }
    }
}
