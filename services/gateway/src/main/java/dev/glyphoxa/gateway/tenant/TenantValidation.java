package dev.glyphoxa.gateway.tenant;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.store.Tenant;

import java.util.ArrayList;
import java.util.List;

/** Every problem of a tenant request at once, each naming its field. */
final class TenantValidation {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    static final String SNOWFLAKE = "[0-9]{1,20}";
    static final int MAX_GUILDS = 50;

    private TenantValidation() {
    }

    static void requireValid(String id, TenantService.Changes c, boolean creating) {
        List<Problem> problems = new ArrayList<>();
        if (creating && (id == null || !id.matches(ID_PATTERN))) {
            problems.add(new Problem("id", null, "is required: lower-case letters, digits and '-', at most 63 characters"));
        }
        if (creating ? c.name() == null || c.name().isBlank() : c.name() != null && c.name().isBlank()) {
            problems.add(new Problem("name", null, "is required"));
        } else if (c.name() != null && c.name().length() > 200) {
            problems.add(new Problem("name", null, "is too long (at most 200 characters)"));
        }
        if (c.licenseTier() != null && !Tenant.TIERS.contains(c.licenseTier())) {
            problems.add(new Problem("licenseTier", null, "must be one of " + Tenant.TIERS));
        }
        if (c.guildIds() != null) {
            if (c.guildIds().size() > MAX_GUILDS) {
                problems.add(new Problem("guildIds", null, "at most " + MAX_GUILDS + " Discord servers"));
            }
            for (int i = 0; i < c.guildIds().size(); i++) {
                String g = c.guildIds().get(i);
                if (g == null || !g.matches(SNOWFLAKE)) {
                    problems.add(new Problem("guildIds[" + i + "]", null, "must be a Discord server id (digits)"));
                }
            }
        }
        if (c.gmRoleId() != null && !c.gmRoleId().isBlank() && !c.gmRoleId().strip().matches(SNOWFLAKE)) {
            problems.add(new Problem("gmRoleId", null, "must be a Discord role id (digits)"));
        }
        if (c.botToken() != null && (c.botToken().isBlank() || c.botToken().strip().length() > 200
                || c.botToken().strip().chars().anyMatch(Character::isWhitespace))) {
            // The message never echoes the token.
            problems.add(new Problem("botToken", null, "must be a Discord bot token: one word, at most 200 characters"));
        }
        if (c.monthlySessionHours() != null && (c.monthlySessionHours() < -1 || c.monthlySessionHours() > 10_000)) {
            problems.add(new Problem("monthlySessionHours", null, "must be between 0 and 10000, or -1 for unlimited"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
