/**
 * The voice-bridge: the edge between a voice channel and the pipeline.
 * <ul>
 *   <li>Produces {@code glyphoxa.voice.in}: each speaker's 20 ms Opus packets, keyed by session id
 *       ({@link dev.glyphoxa.voicebridge.VoicePacketPublisher}).</li>
 *   <li>Consumes {@code glyphoxa.voice.out} on every partition (no consumer group: the instance that holds a
 *       session's voice connection must see that session's audio whichever partition it is on) and plays it out
 *       in order, 20 ms per packet ({@link dev.glyphoxa.voicebridge.VoiceOutReceiver},
 *       {@link dev.glyphoxa.voicebridge.PlaybackQueue}).</li>
 *   <li>State: only what belongs to the live connection (per-speaker packet counters, queued playback). It dies
 *       with the connection; nothing of the session's history lives here.</li>
 * </ul>
 * The channel itself sits behind {@link dev.glyphoxa.voicebridge.VoiceChannel}; {@code local} is a channel made of
 * WAV files (player lines in, NPC replies out as WAV files). Discord comes later behind the same interface.
 */
package dev.glyphoxa.voicebridge;
