package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.store.CampaignSummary;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.GameSessionRepository;
import dev.glyphoxa.gateway.store.TenantGuild;
import dev.glyphoxa.gateway.tenant.TenantService;
import dev.glyphoxa.gateway.tenant.TenantService.TenantInfo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.Interaction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an interaction acts on: the tenant that owns the Discord server (it must be the bot's own tenant), whether
 * the member is a game master, the server's current campaign and its live session. Refusals are
 * {@link ApiException}s whose messages say what to do.
 */
@Singleton
public class GuildScope {

    private final TenantService tenants;
    private final CampaignService campaigns;
    private final GameSessionRepository sessions;

    public GuildScope(TenantService tenants, CampaignService campaigns, GameSessionRepository sessions) {
        this.tenants = tenants;
        this.campaigns = campaigns;
        this.sessions = sessions;
    }

    /** @param botTenant the tenant whose bot received the interaction */
    public Caller caller(String botTenant, Interaction interaction) {
        Guild guild = interaction.getGuild();
        Member member = interaction.getMember();
        if (guild == null || member == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Glyphoxa's commands work in a Discord server, not in direct messages.");
        }
        TenantGuild registered = tenants.guild(guild.getId()).filter(g -> g.tenantId().equals(botTenant))
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "This Discord server (" + guild.getId()
                        + ") is not registered with this Glyphoxa account. Ask your Glyphoxa operator to add it to your account's servers."));
        TenantInfo tenant = tenants.get(registered.tenantId());
        return new Caller(tenant.id(), guild.getId(), member.getId(), tenant.gmRoleId(), isGm(member, tenant.gmRoleId()));
    }

    /** With a GM role set, holding it; without one, Administrator permission. */
    static boolean isGm(Member member, @Nullable String gmRoleId) {
        if (gmRoleId == null) {
            return member.hasPermission(Permission.ADMINISTRATOR);
        }
        return member.getUnsortedRoles().stream().anyMatch(r -> r.getId().equals(gmRoleId));
    }

    public void requireGm(Caller caller) {
        if (caller.gm()) {
            return;
        }
        throw new ApiException(HttpStatus.FORBIDDEN, caller.gmRoleId() != null
                ? "Only game masters can do this: you need the <@&" + caller.gmRoleId() + "> role. Ask a server admin for it."
                : "Only game masters can do this. This server has no game-master role set, so that means Administrator "
                + "permission; your Glyphoxa operator can set a GM role instead.");
    }

    /**
     * The server's current campaign ({@code tenant_guilds.current_campaign_id}), else the tenant's only active
     * campaign.
     */
    public UUID currentCampaign(Caller caller) {
        TenantGuild guild = tenants.guild(caller.guildId()).orElseThrow();
        if (guild.currentCampaignId() != null) {
            return guild.currentCampaignId();
        }
        List<CampaignSummary> active = campaigns.list(caller.tenantId()).stream().filter(CampaignSummary::active).toList();
        if (active.size() == 1) {
            return active.getFirst().id();
        }
        if (active.isEmpty()) {
            throw ApiException.conflict("This server has no campaign yet: load one with /campaign load (attach a campaign YAML file).");
        }
        throw ApiException.conflict("This server has no current campaign and your account has " + active.size()
                + " active campaigns (" + String.join(", ", active.stream().map(CampaignSummary::name).toList())
                + "): choose one with /campaign switch.");
    }

    /** The current campaign, or empty when the server has none (yet). */
    public Optional<UUID> currentCampaignIfAny(Caller caller) {
        try {
            return Optional.of(currentCampaign(caller));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** The server's pending or active session. */
    public Optional<GameSession> liveSession(Caller caller) {
        return sessions.findLiveInGuild(caller.guildId()).filter(s -> s.tenantId().equals(caller.tenantId()));
    }

    public GameSession requireLiveSession(Caller caller) {
        return liveSession(caller).orElseThrow(() -> ApiException.conflict(
                "No session is running in this server. A game master starts one with /session start."));
    }

    /** The campaign being played: the live session's, else the current one. */
    public UUID playedCampaign(Caller caller) {
        return liveSession(caller).map(GameSession::campaignId).orElseGet(() -> currentCampaign(caller));
    }

    /** Loading or switching a campaign under a running session would leave the session on the old one. */
    public void requireNoLiveSession(Caller caller, String what) {
        liveSession(caller).ifPresent(live -> {
            throw ApiException.conflict("A session is running in this server (`" + live.id() + "`): stop it with "
                    + "/session stop before you " + what + ".");
        });
    }
}
