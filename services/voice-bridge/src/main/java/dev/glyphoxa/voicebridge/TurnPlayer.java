package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.NpcAudio;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The NPC audio of one session on its way out, for every channel: a small jitter buffer that the channel pulls
 * once per 20 ms frame (Discord's send thread, the local channel's clock), so the pace is 50 packets a second
 * however bursty {@code voice.out} is.
 *
 * <ul>
 *   <li>A turn starts once {@code jitterPackets} of it are buffered (or it is complete, or that long has passed),
 *       then plays in (line, packet) order; duplicates are dropped, a missing packet is waited for up to
 *       {@code gapTimeoutMs} and then skipped, so one lost record cannot stall the voice.</li>
 *   <li>Only one turn plays: a newer turn supersedes the one playing, and the next frame pulled is already the
 *       new turn's (or silence while it buffers) — a player who speaks again is answered, not made to wait.</li>
 *   <li>{@link #cut} stops the turn playing: its queued packets are dropped, later ones ignored, and the next
 *       frame has nothing of it (a player barged in).</li>
 *   <li>A turn whose packets stop coming for {@code idleTurnMs} with nothing left to play is given up
 *       ({@link TurnOutcome#ABANDONED}, a cut): its producer died, the rest will never come.</li>
 *   <li>When the audio runs out, five Opus silence frames are sent, then nothing: Discord's advice, so the
 *       receiving decoders do not interpolate into the next sound, and the speaking indicator goes off.</li>
 * </ul>
 * Every turn start, packet, finished line and turn end is told to the {@link PlaybackListener}.
 * Thread-safe: the Kafka receiver offers, the channel pulls, the barge-in receiver cuts.
 */
public final class TurnPlayer {

    /** Opus frame of silence, as Discord documents it. */
    public static final byte[] SILENCE = {(byte) 0xF8, (byte) 0xFF, (byte) 0xFE};
    public static final int TRAILING_SILENCE_FRAMES = 5;
    private static final int REMEMBERED_TURNS = 256;

    /** One 20 ms frame; {@code packet} is null for silence. */
    public record Frame(byte[] opus, NpcAudio packet, boolean firstOfTurn, boolean lastOfTurn) {
        public boolean silence() {
            return packet == null;
        }
    }

    private final int jitterPackets;
    private final long gapTimeoutMs;
    private final long idleTurnMs;
    private final PlaybackListener listener;
    private final LinkedHashSet<String> finished = new LinkedHashSet<>();
    private PacedTurn current;
    private int silenceOwed;

    public TurnPlayer(int jitterPackets, long gapTimeoutMs, long idleTurnMs, PlaybackListener listener) {
        this.jitterPackets = Math.max(1, jitterPackets);
        this.gapTimeoutMs = gapTimeoutMs;
        this.idleTurnMs = idleTurnMs;
        this.listener = listener;
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
                    end(arriving, TurnOutcome.SUPERSEDED, null, nowMs);   // a straggler of a turn already overtaken
                    return;
                }
                end(current, TurnOutcome.SUPERSEDED, null, nowMs);
            }
            current = arriving;
        }
        current.add(packet, nowMs);
    }

    /** The frame to send now, or null when there is nothing to send (Discord then sends nothing). */
    public synchronized Frame pull(long nowMs) {
        PacedTurn turn = current;
        if (turn != null && turn.packets.isEmpty() && nowMs - turn.lastArrivalMs > idleTurnMs) {
            // Its producer died before the last packet: given up, and reported as cut so nobody waits for the rest.
            end(turn, TurnOutcome.ABANDONED, null, nowMs);
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
            PacedTurn playing = turn;
            playing.played(next.getKey(), packet, nowMs,
                    (last, packets) -> listener.linePlayed(last, packets, playing.timings(), nowMs));
            if (first) {
                listener.turnStarted(packet, turn.timings());
            }
            listener.packetOut(packet, first, nowMs);
            boolean last = packet.getLastInTurn();
            if (last) {
                end(turn, TurnOutcome.PLAYED, null, nowMs);
            }
            silenceOwed = TRAILING_SILENCE_FRAMES;
            return new Frame(bytes(packet.getOpus()), packet, first, last);
        }
        return silence();
    }

    /**
     * Stops the turn playing — {@code turnId}, or whichever plays when null — if it has started and not finished.
     * Its queued packets are dropped and later ones ignored; the next frame pulled has nothing of it.
     *
     * @return whether a turn was cut
     */
    public synchronized boolean cut(String turnId, CutReason reason, String speakerId, long nowMs) {
        PacedTurn turn = current;
        if (turn == null || !turn.started || (turnId != null && !turnId.equals(turn.id))) {
            return false;
        }
        end(turn, TurnOutcome.of(reason), speakerId, nowMs);
        return true;
    }

    /** The session is left: the turn playing or queued ends as {@link TurnOutcome#SESSION_LEFT}. */
    public synchronized void leave(long nowMs) {
        if (current != null) {
            end(current, TurnOutcome.SESSION_LEFT, null, nowMs);
        }
        silenceOwed = 0;
    }

    /** Whether the NPC is audibly speaking: a turn has started and not finished. */
    public synchronized boolean playing() {
        return current != null && current.started;
    }

    /**
     * Whether {@link #pull} has nothing to do until the next {@link #offer}: no turn playing or buffering, and the
     * trailing silence sent. A channel whose clock runs only for sound may stop it then.
     */
    public synchronized boolean idle() {
        return current == null && silenceOwed == 0;
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
        return new Frame(SILENCE, null, false, false);
    }

    private void end(PacedTurn turn, TurnOutcome outcome, String speakerId, long nowMs) {
        remember(turn.id);
        if (current == turn) {
            current = null;
        }
        turn.packets.clear();
        listener.turnEnded(turn.end(outcome, speakerId, nowMs));
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
}
