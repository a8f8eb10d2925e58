package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.stage.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Sends players' Opus packets to {@code glyphoxa.voice.in}, numbering them per speaker. */
@Singleton
public class VoicePacketPublisher {

    private final KafkaProducer<String, VoicePacket> producer;
    private final AvroSerde<VoicePacket> serde = Topics.VOICE_IN.valueSerde();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    public VoicePacketPublisher(KafkaSettings kafka) {
        // linger 0: a 20 ms packet must not wait for a batch (Kafka 4 clients default to 5 ms).
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "1"),
                new StringSerializer(), serde);
    }

    /** Numbers the packet (per session and speaker, in call order) and sends it. */
    public VoicePacket publish(String sessionId, String speakerId, byte[] opus, int channels, long captureMs) {
        long seq = sequences.computeIfAbsent(sessionId + "/" + speakerId, k -> new AtomicLong()).getAndIncrement();
        VoicePacket packet = VoicePacket.newBuilder().setSessionId(sessionId).setSpeakerId(speakerId)
                .setSequence(seq).setCaptureTsMs(captureMs).setChannels(channels).setOpus(ByteBuffer.wrap(opus)).build();
        return publish(packet);
    }

    /** Sends a packet its channel has already numbered (Discord numbers from the RTP sequence). */
    public VoicePacket publish(VoicePacket packet) {
        producer.send(new ProducerRecord<>(Topics.VOICE_IN.name(), packet.getSessionId(), packet));
        return packet;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
