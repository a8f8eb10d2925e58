package dev.glyphoxa.voicebridge;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A playback listener that writes down what it heard, for assertions. */
public final class RecordingPlayback implements PlaybackListener {

    public record Line(String turnId, int line, boolean lastInTurn, int packets, TurnTimings timings) {
    }

    public final List<String> started = new CopyOnWriteArrayList<>();
    public final List<Line> lines = new CopyOnWriteArrayList<>();
    public final List<TurnEnd> ends = new CopyOnWriteArrayList<>();

    @Override
    public void turnStarted(NpcAudio first, TurnTimings timings) {
        started.add(first.getTurnId());
    }

    @Override
    public void linePlayed(NpcAudio last, int packets, TurnTimings timings, long nowMs) {
        lines.add(new Line(last.getTurnId(), last.getLineSequence(), last.getLastInTurn(), packets, timings));
    }

    @Override
    public void turnEnded(TurnEnd end) {
        ends.add(end);
    }

    /** "turn OUTCOME lines=n" per ended turn, in order. */
    public List<String> endings() {
        return ends.stream().map(e -> e.turnId() + " " + e.outcome() + " lines=" + e.linesPlayed()).toList();
    }
}
