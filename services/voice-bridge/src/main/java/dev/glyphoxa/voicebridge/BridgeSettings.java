package dev.glyphoxa.voicebridge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param replyDir        where the local channel writes each NPC reply as a WAV file
 * @param playback        play replies on the machine's audio device when one exists (auto) or never (off)
 * @param gapTimeoutMs    how long playback waits for a missing packet before skipping it
 * @param opusBitrate     bitrate of player audio encoded by the local channel
 * @param jitterPackets   local channel: packets of a new NPC turn buffered before it starts; 1 plays at once,
 *                        as the local channel always did (Discord has its own, glyphoxa.discord.jitter-packets)
 * @param bargeInMaxAgeMs a barge-in detected longer ago than this is ignored: the NPC line it would cut is
 *                        likely a later one (the bridge was behind on glyphoxa.barge-in, or it was restarted)
 */
@ConfigurationProperties("glyphoxa.voice-bridge")
public record BridgeSettings(
        @Bindable(defaultValue = "out/replies") String replyDir,
        @Bindable(defaultValue = "auto") String playback,
        @Bindable(defaultValue = "100") int gapTimeoutMs,
        @Bindable(defaultValue = "48000") int opusBitrate,
        @Bindable(defaultValue = "1") int jitterPackets,
        @Bindable(defaultValue = "2000") long bargeInMaxAgeMs) {
}
