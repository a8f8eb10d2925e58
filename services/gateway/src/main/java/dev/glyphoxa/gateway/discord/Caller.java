package dev.glyphoxa.gateway.discord;

import io.micronaut.core.annotation.Nullable;

/**
 * Who runs a command, where, for which tenant: resolved once per interaction by {@link GuildScope}.
 *
 * @param gmRoleId the tenant's game-master role; null means "members with Administrator permission"
 * @param gm       whether the member counts as a game master
 */
public record Caller(String tenantId, String guildId, String userId, @Nullable String gmRoleId, boolean gm) {
}
