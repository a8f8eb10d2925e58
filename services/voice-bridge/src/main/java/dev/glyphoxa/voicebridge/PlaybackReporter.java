package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stage.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Tells the pipeline what was actually played, on {@code glyphoxa.playback} keyed by session id: a
 * {@code LinePlayed} when a line's last packet went out (the llm commits the line to the NPC's memory only
 * then: deliver, then commit) and a {@code TurnCut} when the rest of a turn will not be played (llm and tts stop
 * working on it, the gateway drops its unplayed sentences). A turn played to its end is not a cut; one given up
 * ({@code idle-turn-ms} without packets) is, as {@code ABANDONED}.
 *
 * <p>Sends from one thread of its own, in order: the events come from the 20 ms playback clock, and a send can
 * block (the producer's first metadata fetch, a full buffer) where the clock must not. linger 0: a cut is worth
 * most while the LLM is still generating.
 */
@Singleton
public class PlaybackReporter implements PlaybackListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackReporter.class);

    private final KafkaProducer<String, Playback> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("playback-reporter").daemon().unstarted(r));

    public PlaybackReporter(KafkaSettings kafka) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), Topics.PLAYBACK.valueSerde());
    }

    @Override
    public void linePlayed(NpcAudio last, int packets, TurnTimings timings, long nowMs) {
        send(PlaybackEvents.linePlayed(last, packets, timings, nowMs));
    }

    @Override
    public void turnEnded(TurnEnd end) {
        PlaybackEvents.turnEnded(end).ifPresent(this::send);
    }

    private void send(Playback event) {
        try {
            sender.execute(() -> producer.send(new ProducerRecord<>(Topics.PLAYBACK.name(), event.getSessionId(), event),
                    (meta, e) -> {
                        if (e != null) {
                            LOG.warn("session {}: playback report for turn {} not sent: {}", event.getSessionId(),
                                    event.getTurnId(), e.getMessage());
                        }
                    }));
        } catch (RejectedExecutionException e) {
            LOG.debug("closing: playback report for turn {} dropped", event.getTurnId());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        producer.close();
    }
}
