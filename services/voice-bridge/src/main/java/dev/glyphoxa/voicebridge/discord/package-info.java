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
 *   <li>Bots: {@link dev.glyphoxa.voicebridge.discord.BotTokens} says which bot joins a tenant's sessions —
 *       each tenant's own, its token fetched from the gateway's internal route
 *       ({@link dev.glyphoxa.voicebridge.discord.GatewayBotTokens}), or the deployment's one DISCORD_BOT_TOKEN;
 *       {@link dev.glyphoxa.voicebridge.discord.TenantBot} is one logged-in bot and its sessions, logged out when
 *       its last session left; {@link dev.glyphoxa.voicebridge.discord.BotRoster} holds them by name.</li>
 *   <li>Readiness ({@code discord-voice}): {@link dev.glyphoxa.voicebridge.discord.DiscordVoiceStatus}.</li>
 *   <li>State: only the live connections (per-speaker counters, the session's turn player) and the tenant bots
 *       with their cached tokens; nothing survives the process.</li>
 * </ul>
 */
package dev.glyphoxa.voicebridge.discord;
