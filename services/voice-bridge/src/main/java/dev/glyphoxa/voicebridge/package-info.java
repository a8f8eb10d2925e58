/**
 * The voice-bridge: the edge between a voice channel and the pipeline.
 * <ul>
 *   <li>Produces {@code glyphoxa.voice.in}: each speaker's 20 ms Opus packets, keyed by session id
 *       ({@link dev.glyphoxa.voicebridge.VoicePacketPublisher}).</li>
 *   <li>Consumes {@code glyphoxa.voice.out} on every partition (no consumer group: the instance that holds a
 *       session's voice connection must see that session's audio whichever partition it is on) and hands each packet
 *       to the channel carrying its session ({@code BridgeBeans#voiceOutReceiver},
 *       {@link dev.glyphoxa.voicebridge.VoiceChannels}).</li>
 *   <li>Both channels play through one engine, {@link dev.glyphoxa.voicebridge.TurnPlayer}: a jitter buffer pulled
 *       every 20 ms, one turn at a time, a newer turn superseding the one playing.</li>
 *   <li>Consumes {@code glyphoxa.barge-in} on every partition: a player speaking over an NPC that is audibly speaking
 *       cuts its turn within one packet ({@link dev.glyphoxa.voicebridge.BargeInReceiver}).</li>
 *   <li>Produces {@code glyphoxa.playback}, keyed by session id: {@code LinePlayed} when a line's last packet went out,
 *       {@code TurnCut} when the rest of a turn will not be played (barge-in, superseded, session left,
 *       abandoned: its packets stopped coming), so the llm
 *       commits only what was heard and llm and tts stop work on a cut turn
 *       ({@link dev.glyphoxa.voicebridge.PlaybackReporter}). Per-turn metrics and one log line per turn:
 *       {@link dev.glyphoxa.voicebridge.TurnMetrics}.</li>
 *   <li>Consumes {@code glyphoxa.control} in group {@code glyphoxa-voice-bridge}: joins and leaves voice channels
 *       ({@link dev.glyphoxa.voicebridge.control}).</li>
 *   <li>State: only what belongs to the live connections (per-speaker packet counters, each session's turn player,
 *       the turns it cut, connection states). It dies with the process; nothing of the session's history lives
 *       here.</li>
 * </ul>
 * Channels sit behind {@link dev.glyphoxa.voicebridge.VoiceChannel}: {@code local} is made of WAV files (player lines
 * in, NPC replies out as WAV files; {@link dev.glyphoxa.voicebridge.local}), {@code discord} is a Discord voice channel
 * with DAVE encryption ({@link dev.glyphoxa.voicebridge.discord}).
 */
package dev.glyphoxa.voicebridge;
