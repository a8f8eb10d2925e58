/**
 * The Discord bot: one JDA per tenant with a bot token ({@link dev.glyphoxa.gateway.discord.DiscordBots}, off unless
 * {@code glyphoxa.discord.enabled}), slash commands registered in each of the tenant's servers, each command a thin
 * adapter over the gateway's services: {@code /session}, {@code /npc}, {@code /entity}, {@code /campaign},
 * {@code /feedback}. {@link dev.glyphoxa.gateway.discord.CommandRouter} resolves every interaction to its tenant and
 * checks the game-master role; {@link dev.glyphoxa.gateway.discord.GuildScope} knows the server's current campaign
 * and live session. Nothing here keeps state beyond the connections: the current campaign lives in
 * {@code tenant_guilds}, sessions in {@code sessions}. See docs/discord.md.
 */
package dev.glyphoxa.gateway.discord;
