package dev.glyphoxa.bench;

import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SpeechEnded;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.Transcript;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each stage's output record of a turn left the stage, read from the records' timestamps: every stage emits
 * with {@code System.currentTimeMillis()} as the record timestamp (GuardedProcessor#emit) and the topics keep the
 * producer's CreateTime, so these are the instants the records were handed to the stage's producer. That is
 * independent of the TurnTimings milestones the stages stamp (see docs/benchmarks.md for why both are shown).
 *
 * <p>Reads every partition from the end, no consumer group, like the CLI's TopicWatcher.
 */
final class EmitTimes implements AutoCloseable {

    /** Emit instants (epoch ms) of one turn's records; null until seen. */
    static final class Turn {
        volatile Long speechEnded;
        volatile Long transcript;
        volatile String heard;
        volatile Long firstLine;
        volatile String npc;
        volatile String said;
        volatile Long firstAudio;

        boolean complete() {
            return speechEnded != null && transcript != null && firstLine != null && firstAudio != null;
        }
    }

    private static final List<Topic<?>> TOPICS = List.of(Topics.CONTROL, Topics.SPEECH, Topics.TRANSCRIPTS, Topics.NPC_LINES, Topics.VOICE_OUT);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Turn> turns = new ConcurrentHashMap<>();
    private final Map<String, ControlEvent> sessionsStarted = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    EmitTimes(String bootstrapServers) {
        // The timestamps are in the records, so they may arrive late: batched fetches (the broker answers after
        // 500 ms or a megabyte) keep the instrument from waking on each record alongside the stages it measures.
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<?> t : TOPICS) {
            consumer.partitionsFor(t.name(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("emit-times").daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        take(r);
                    } catch (RuntimeException e) {
                        // not a record of ours to time (the dead-letter path is the stages' business)
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, byte[]> r) {
        long ts = r.timestamp();
        if (r.topic().equals(Topics.CONTROL.name())) {
            ControlEvent c = Topics.CONTROL.valueSerde().decode(r.value());
            if (c.getEvent() instanceof SessionStarted) {
                sessionsStarted.putIfAbsent(c.getSessionId(), c);
            }
        } else if (r.topic().equals(Topics.SPEECH.name())) {
            SpeechEvent e = Topics.SPEECH.valueSerde().decode(r.value());
            if (e.getEvent() instanceof SpeechEnded ended) {
                Turn t = turn(ended.getTurnId());
                t.speechEnded = earliest(t.speechEnded, ts);
            }
        } else if (r.topic().equals(Topics.TRANSCRIPTS.name())) {
            Transcript tr = Topics.TRANSCRIPTS.valueSerde().decode(r.value());
            Turn t = turn(tr.getTurnId());
            t.transcript = earliest(t.transcript, ts);
            t.heard = tr.getText();
        } else if (r.topic().equals(Topics.NPC_LINES.name())) {
            NpcLine l = Topics.NPC_LINES.valueSerde().decode(r.value());
            if (l.getSequence() == 0) {
                Turn t = turn(l.getTurnId());
                t.firstLine = earliest(t.firstLine, ts);
                t.npc = l.getNpcName();
                t.said = l.getText();
            }
        } else if (r.topic().equals(Topics.VOICE_OUT.name())) {
            NpcAudio a = Topics.VOICE_OUT.valueSerde().decode(r.value());
            if (a.getLineSequence() == 0 && a.getPacketSequence() == 0) {
                Turn t = turn(a.getTurnId());
                t.firstAudio = earliest(t.firstAudio, ts);
            }
        }
    }

    private Turn turn(String turnId) {
        return turns.computeIfAbsent(turnId, k -> new Turn());
    }

    private static Long earliest(Long seen, long ts) {
        return seen == null || ts < seen ? ts : seen;
    }

    /** The SessionStarted the gateway published for the session (the campaign snapshot with its ids), if seen in time. */
    ControlEvent sessionStarted(String sessionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sessionsStarted.containsKey(sessionId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return sessionsStarted.get(sessionId);
    }

    /** The turn's emit times once all four records were seen, or what was seen when the time ran out. */
    Turn await(String turnId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Turn t = turns.get(turnId);
            if (t != null && t.complete()) {
                return t;
            }
            Thread.sleep(20);
        }
        return turns.getOrDefault(turnId, new Turn());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
