package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.SessionKeys;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code glyphoxa.voice.out} from every partition and hands each packet to the {@link VoiceChannel} that
 * carries its session ({@link VoiceChannels}).
 *
 * <p>A plain assigned consumer rather than a consumer group: the instance holding a session's voice
 * connection must see that session's audio whatever partition it lands on, and starting at the end is right
 * for live audio (a reply older than this process is not worth playing). It is ready once positioned.
 */
@Context
public class VoiceOutReceiver implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceOutReceiver.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final VoiceChannels channels;
    private final DeadLetterPublisher deadLetters;
    private final AvroSerde<NpcAudio> serde = Topics.VOICE_OUT.valueSerde();
    private final Thread thread;
    private volatile boolean positioned;
    private volatile boolean running = true;

    public VoiceOutReceiver(KafkaSettings kafka, VoiceChannels channels, DeadLetterPublisher deadLetters) {
        this.channels = channels;
        this.deadLetters = deadLetters;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("voice-out-receiver").daemon().start(this::run);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions = consumer.partitionsFor(Topics.VOICE_OUT.name(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned = true;
            LOG.info("receiving NPC audio from {} partitions of {}", partitions.size(), Topics.VOICE_OUT.name());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("NPC audio receiver stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        try {
            NpcAudio packet = serde.decode(record.value());
            SessionKeys.requireMatch(record.key(), packet);
            channels.play(packet);
        } catch (RuntimeException e) {
            deadLetters.publish(record, e);
        }
    }

    @Override
    public String name() {
        return "voice-out";
    }

    @Override
    public Status status() {
        return positioned && thread.isAlive() ? Status.ready("assigned to every partition")
                : Status.notReady(thread.isAlive() ? "waiting for partitions" : "receiver stopped");
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
