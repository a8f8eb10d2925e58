package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.tenant.TenantService;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Registers the slash commands as guild commands in each of the tenant's Discord servers (they show up at once,
 * unlike global commands), replacing whatever the bot registered there before. A server the bot is in but the
 * tenant has not registered gets no commands.
 */
@Singleton
public class CommandRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

    private final TenantService tenants;
    private final CommandRouter router;

    public CommandRegistrar(TenantService tenants, CommandRouter router) {
        this.tenants = tenants;
        this.router = router;
    }

    public void registerAll(String tenantId, JDA jda) {
        List<String> registered = tenants.get(tenantId).guildIds();
        for (String guildId : registered) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                LOG.warn("tenant '{}': the bot is not a member of Discord server {}; invite it (docs/discord.md)", tenantId, guildId);
            } else {
                register(tenantId, guild);
            }
        }
        jda.getGuilds().stream().filter(g -> !registered.contains(g.getId())).forEach(g -> LOG.warn(
                "tenant '{}': the bot is in Discord server {} ({}), which is not one of the tenant's servers; no commands there",
                tenantId, g.getId(), g.getName()));
    }

    public void register(String tenantId, Guild guild) {
        if (!tenants.get(tenantId).guildIds().contains(guild.getId())) {
            LOG.warn("tenant '{}': the bot joined Discord server {} ({}), which is not one of the tenant's servers; no commands there",
                    tenantId, guild.getId(), guild.getName());
            return;
        }
        guild.updateCommands().addCommands(router.definitions()).queue(
                done -> LOG.info("tenant '{}': {} commands registered in Discord server {}", tenantId, done.size(), guild.getId()),
                e -> LOG.warn("tenant '{}': cannot register commands in Discord server {}: {}", tenantId, guild.getId(), e.getMessage()));
    }
}
