package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Records, when an NPC turn's first packet leaves for Discord, how long after the player stopped speaking that
 * was. Same meter as the local channel's ReplyRecorder, so the latency reads the same whichever channel plays.
 */
final class FirstAudioOut implements Consumer<NpcAudio> {

    private final Timer timer;

    FirstAudioOut(MeterRegistry registry) {
        this.timer = Timer.builder("glyphoxa.turn.first.audio.out")
                .description("player's end of speech to the NPC's first Opus packet leaving the voice-bridge")
                .publishPercentiles(0.5, 0.95).register(registry);
    }

    @Override
    public void accept(NpcAudio packet) {
        Long speechEnd = packet.getTimings() == null ? null : packet.getTimings().getSpeechEndMs();
        if (speechEnd != null) {
            timer.record(Duration.ofMillis(System.currentTimeMillis() - speechEnd));
        }
    }
}
