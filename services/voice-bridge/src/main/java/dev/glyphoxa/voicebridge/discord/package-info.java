/**
 * Discord voice with DAVE end-to-end encryption, behind {@link dev.glyphoxa.voicebridge.VoiceChannel}.
 * <ul>
 *   <li>In: JDA hands each speaker's decrypted Opus packets to {@link dev.glyphoxa.voicebridge.discord.DiscordReceiveHandler};
 *       {@link dev.glyphoxa.voicebridge.discord.ReceivedAudioMapper} numbers them per speaker (Discord user id) and
 *       drops the bot's own; they go to {@code glyphoxa.voice.in}.</li>
 *   <li>Out: {@code glyphoxa.voice.out} fills the session's {@link dev.glyphoxa.voicebridge.TurnPlayer} (the engine
 *       the local channel uses too) that JDA's send thread pulls every 20 ms
 *       ({@link dev.glyphoxa.voicebridge.discord.DiscordSendHandler}); a barge-in cuts the turn playing.</li>
 *   <li>Connection: {@link dev.glyphoxa.voicebridge.discord.DiscordVoiceConnector} is the only class that builds
 *       or drives JDA; {@link dev.glyphoxa.voicebridge.discord.VoiceLink} decides when a dropped connection is
 *       re-opened; {@link dev.glyphoxa.voicebridge.discord.DaveLibrary} says whether the native DAVE library loads.</li>
 *   <li>State: only the live connections (per-speaker counters, the session's turn player); nothing survives the process.</li>
 * </ul>
 */
package dev.glyphoxa.voicebridge.discord;
