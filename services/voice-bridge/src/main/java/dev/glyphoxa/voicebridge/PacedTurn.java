package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * One turn inside a {@link TurnPlayer}: its packets in (line, packet) order, how far it has played, and what
 * the reports need (lines played to their end, packets of the line going out, when the first packet went out).
 */
final class PacedTurn {

    /** Told when a line is over, with its last packet sent and how many of its packets went out. */
    interface LineDone {
        void done(NpcAudio lastPacket, int packets);
    }

    final String id;
    final String sessionId;
    final String npcId;
    final Long speechEndMs;
    final TreeMap<Long, NpcAudio> packets = new TreeMap<>();
    private final Set<Long> seen = new HashSet<>();
    final long firstArrivalMs;
    long lastArrivalMs;
    long lastPlayedKey = -1;
    boolean lastPlayedEndsLine = true;
    boolean started;
    boolean complete;
    long waitingSince = -1;
    long firstOutMs = -1;
    int packetsSent;
    int linesPlayed;
    private NpcAudio latest;
    /** The milestones on the first packet played: only it has tts_first_audio_ms (TTS stamps a line's first packet). */
    private TurnTimings firstTimings;
    private int lineInProgress = -1;
    private int linePackets;
    private NpcAudio lineLast;

    PacedTurn(NpcAudio first, long nowMs) {
        this.id = first.getTurnId();
        this.sessionId = first.getSessionId();
        this.npcId = first.getNpcId();
        this.speechEndMs = first.getTimings() == null ? null : first.getTimings().getSpeechEndMs();
        this.firstArrivalMs = nowMs;
        this.latest = first;
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

    /** Takes note of a packet going out now; tells {@code lines} of each line this ends. */
    void played(long k, NpcAudio p, long nowMs, LineDone lines) {
        if (!started) {
            started = true;
            firstOutMs = nowMs;
            firstTimings = p.getTimings();
        }
        lastPlayedKey = k;
        lastPlayedEndsLine = p.getLastInLine();
        latest = p;
        packetsSent++;
        if (lineInProgress >= 0 && p.getLineSequence() != lineInProgress) {
            // The line's last packet was lost and skipped: all but 20 ms of it was heard, so it counts as played.
            endLine(lineLast, lines);
        }
        lineInProgress = p.getLineSequence();
        linePackets++;
        lineLast = p;
        if (p.getLastInLine() || p.getLastInTurn()) {
            endLine(p, lines);
        }
    }

    private void endLine(NpcAudio last, LineDone lines) {
        linesPlayed++;
        int count = linePackets;
        lineInProgress = -1;
        linePackets = 0;
        lineLast = null;
        lines.done(last, count);
    }

    /**
     * The turn's milestones: those of its first packet played (with {@code first_packet_out_ms}) once it has
     * started, else those of its latest packet.
     */
    TurnTimings timings() {
        TurnTimings base = started && firstTimings != null ? firstTimings : latest.getTimings();
        TurnTimings.Builder b = base == null ? TurnTimings.newBuilder() : TurnTimings.newBuilder(base);
        return b.setFirstPacketOutMs(started ? firstOutMs : null).build();
    }

    TurnEnd end(TurnOutcome outcome, String speakerId, long nowMs) {
        return new TurnEnd(sessionId, id, npcId, outcome, linesPlayed, packetsSent, speakerId, timings(), nowMs);
    }
}
