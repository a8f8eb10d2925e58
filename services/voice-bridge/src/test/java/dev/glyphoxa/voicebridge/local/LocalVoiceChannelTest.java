package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.voicebridge.BridgeSettings;
import dev.glyphoxa.voicebridge.RecordingPlayback;
import dev.glyphoxa.voicebridge.TestAudio;
import dev.glyphoxa.voicebridge.TurnOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local channel's per-session clock: it runs only while a session has sound to send, and a reply to a silent
 * channel starts on the frame it arrives in (initial delay 0), not on the next tick of a free-running clock.
 */
class LocalVoiceChannelTest {

    /** A real scheduler that writes down every clock started on it. */
    static final class WatchedClock extends ScheduledThreadPoolExecutor {
        record Started(long initialDelay, long period, ScheduledFuture<?> future) {
        }

        final List<Started> started = new CopyOnWriteArrayList<>();

        WatchedClock() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            ScheduledFuture<?> f = super.scheduleAtFixedRate(command, initialDelay, period, unit);
            started.add(new Started(unit.toMillis(initialDelay), unit.toMillis(period), f));
            return f;
        }
    }

    final WatchedClock clock = new WatchedClock();
    final RecordingPlayback events = new RecordingPlayback();
    final LocalVoiceChannel channel = new LocalVoiceChannel(
            new BridgeSettings("unused", "off", 100, 48_000, 1, 2_000), events, clock);

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void aReplyToASilentChannelStartsAtOnceAndTheClockStopsAfterIt() {
        assertThat(clock.started).as("no clock before any sound").isEmpty();

        TestAudio.npcTurn("s1", "t1", 1_000L, 10).forEach(channel::play);
        assertThat(clock.started).singleElement().satisfies(c -> {
            assertThat(c.initialDelay()).as("first frame goes out now").isZero();
            assertThat(c.period()).isEqualTo(20);
        });
        awaitTrue(() -> !events.ends.isEmpty() && clock.started.getFirst().future().isCancelled());
        assertThat(events.ends).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(TurnOutcome.PLAYED);
            assertThat(e.packetsSent()).isEqualTo(10);
        });
        assertThat(channel.state("s1")).isEqualTo("idle");

        TestAudio.npcTurn("s1", "t2", 2_000L, 3).forEach(channel::play);
        assertThat(clock.started).as("the next reply starts its own clock, again at once").hasSize(2);
        assertThat(clock.started.get(1).initialDelay()).isZero();
        awaitTrue(() -> events.ends.size() == 2);
        assertThat(events.endings()).containsExactly("t1 PLAYED lines=1", "t2 PLAYED lines=1");
    }

    @Test
    void packetsArrivingWhileATurnPlaysKeepItsClock() {
        List<dev.glyphoxa.schema.NpcAudio> turn = TestAudio.npcTurn("s1", "t1", 1_000L, 30);
        turn.subList(0, 10).forEach(channel::play);
        awaitTrue(() -> events.started.contains("t1"));
        turn.subList(10, 30).forEach(channel::play);
        awaitTrue(() -> !events.ends.isEmpty());

        assertThat(clock.started).as("one clock for the whole turn").hasSize(1);
        assertThat(events.ends.getFirst().packetsSent()).isEqualTo(30);
    }

    @Test
    void sessionsHaveClocksOfTheirOwn() {
        TestAudio.npcTurn("s1", "t1", 1_000L, 50).forEach(channel::play);
        TestAudio.npcTurn("s2", "t2", 1_000L, 5).forEach(channel::play);

        assertThat(clock.started).hasSize(2).allSatisfy(c -> assertThat(c.initialDelay()).isZero());
        awaitTrue(() -> events.ends.size() == 2);
        assertThat(events.endings()).as("both play at once: the short reply ends first")
                .containsExactly("t2 PLAYED lines=1", "t1 PLAYED lines=1");
    }

    @Test
    void leavingStopsTheSessionsClock() {
        TestAudio.npcTurn("s1", "t1", 1_000L, 500).forEach(channel::play);
        awaitTrue(() -> events.started.contains("t1"));

        channel.leave("s1");

        assertThat(clock.started.getFirst().future().isCancelled()).isTrue();
        assertThat(events.ends).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(TurnOutcome.SESSION_LEFT));
    }

    /** Waits for a condition the clock thread brings about; the limit is a safety net, not a measurement. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
