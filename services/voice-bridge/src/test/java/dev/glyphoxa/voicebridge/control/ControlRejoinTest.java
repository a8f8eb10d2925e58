package dev.glyphoxa.voicebridge.control;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.localstack.SharedStack;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.voicebridge.FakeVoiceChannel;
import dev.glyphoxa.voicebridge.VoiceChannels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A bridge that starts (or restarts) rejoins the sessions its partitions say are running, on the real broker. */
class ControlRejoinTest {

    @Test
    void aStartingBridgeRejoinsRunningSessionsButNotStoppedOnes() throws Exception {
        String bootstrap = SharedStack.get().bootstrapServers();
        String running = "s-running-" + UUID.randomUUID();
        String stopped = "s-stopped-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            send(producer, running, ControlEventHandlerTest.started(running, "discord:111/222"));
            send(producer, stopped, ControlEventHandlerTest.started(stopped, "discord:111/333"));
            send(producer, stopped, ControlEventHandlerTest.stopped(stopped));
            send(producer, "garbage", "not a control event".getBytes());

            FakeVoiceChannel discord = new FakeVoiceChannel("discord");
            FakeVoiceChannel local = new FakeVoiceChannel("local");
            ControlEventConsumer consumer = new ControlEventConsumer(
                    new KafkaSettings(bootstrap, 6000, 100, 100, null, -1, null),
                    new VoiceChannels(List.of(discord, local)),
                    new DeadLetterPublisher("voice-bridge", bootstrap, new SimpleMeterRegistry()));
            try {
                assertThat(eventually(() -> consumer.status().ready())).isTrue();
                assertThat(eventually(() -> discord.calls.contains("join " + running + " of local 111/222"))).isTrue();
                assertThat(discord.calls).noneMatch(c -> c.contains(stopped));

                // and from here on the live loop takes over
                send(producer, running, ControlEventHandlerTest.stopped(running));
                assertThat(eventually(() -> discord.calls.contains("leave " + running))).isTrue();
            } finally {
                consumer.close();
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONTROL.name(), key, value)).get();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    @Test
    void liveSessionsAreTheStartedOnesWithoutALaterStop() {
        LiveSessions live = new LiveSessions();
        live.add(record("a", ControlEventHandlerTest.started("a", "discord:1/2")));
        live.add(record("b", ControlEventHandlerTest.started("b", "local")));
        live.add(record("a", ControlEventHandlerTest.stopped("a")));
        live.add(record("c", "garbage".getBytes()));
        live.add(record("d", ControlEventHandlerTest.started("not-d", "local")));   // key and session disagree
        live.add(record("a", ControlEventHandlerTest.started("a", "discord:1/9")));   // started again later

        assertThat(live.running()).extracting(ConsumerRecord::key).containsExactly("b", "a");
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.CONTROL.name(), 0, 0, key, value);
    }
}
