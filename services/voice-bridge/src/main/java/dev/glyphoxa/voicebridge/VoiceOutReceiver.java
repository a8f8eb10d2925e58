package dev.glyphoxa.voicebridge;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.stage.BroadcastReceiver;
import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

import java.time.Duration;

/**
 * Reads {@code glyphoxa.voice.out} from every partition ({@link BroadcastReceiver}) and hands each packet to the
 * {@link VoiceChannel} that carries its session ({@link VoiceChannels}).
 *
 * <p>No consumer group: the instance holding a session's voice connection must see that session's audio
 * whatever partition it lands on. No look-back: live audio older than this process is not worth playing.
 * A record that does not decode or whose key is not its session goes to the dead letters. Ready once positioned.
 */
@Context
public class VoiceOutReceiver implements ReadinessCheck {

    private final BroadcastReceiver<NpcAudio> receiver;

    public VoiceOutReceiver(KafkaSettings kafka, VoiceChannels channels, DeadLetterPublisher deadLetters) {
        this.receiver = new BroadcastReceiver<>(kafka.bootstrapServers(), Topics.VOICE_OUT, Duration.ZERO,
                channels::play, deadLetters::publish);
    }

    @Override
    public String name() {
        return "voice-out";
    }

    @Override
    public Status status() {
        return receiver.status();
    }

    @PreDestroy
    void close() throws InterruptedException {
        receiver.close();
    }
}
