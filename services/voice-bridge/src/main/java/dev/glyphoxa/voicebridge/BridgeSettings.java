package dev.glyphoxa.voicebridge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param replyDir        where the local channel writes each NPC reply as a WAV file
 * @param playback        play replies on the machine's audio device when one exists (auto) or never (off)
 * @param gapTimeoutMs    how long playback waits for a missing packet before skipping it
 * @param opusBitrate     bitrate of player audio encoded by the local channel
 */
@ConfigurationProperties("glyphoxa.voice-bridge")
public record BridgeSettings(
        @Bindable(defaultValue = "out/replies") String replyDir,
        @Bindable(defaultValue = "auto") String playback,
        @Bindable(defaultValue = "100") int gapTimeoutMs,
        @Bindable(defaultValue = "48000") int opusBitrate) {
}
