package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.campaign.CampaignImporter;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.store.Campaign;
import dev.glyphoxa.gateway.store.CampaignSummary;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.TenantGuildRepository;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /campaign info|load|switch}: which campaign this server plays ({@code tenant_guilds.current_campaign_id}),
 * over {@link CampaignService} and {@link CampaignImporter}. Loading and switching wait until no session runs.
 */
@Singleton
public class CampaignCommands implements DiscordCommand {

    private final GuildScope scope;
    private final CampaignService campaigns;
    private final CampaignImporter importer;
    private final TenantGuildRepository guilds;

    public CampaignCommands(GuildScope scope, CampaignService campaigns, CampaignImporter importer,
                            TenantGuildRepository guilds) {
        this.scope = scope;
        this.campaigns = campaigns;
        this.importer = importer;
        this.guilds = guilds;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("campaign", "The campaign this server plays").addSubcommands(
                new SubcommandData("info", "Show this server's current campaign"),
                new SubcommandData("load", "Import a campaign file and make it this server's campaign (game masters)")
                        .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "A campaign YAML file", true)),
                new SubcommandData("switch", "Play another of your campaigns in this server (game masters)")
                        .addOptions(new OptionData(OptionType.STRING, "name", "The campaign's name", true, true)));
    }

    @Override
    public boolean open(String action) {
        return "info".equals(action);
    }

    @Override
    public void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        switch (String.valueOf(event.getSubcommandName())) {
            case "info" -> info(caller, answer);
            case "load" -> load(caller, event.getOption("file").getAsAttachment(), answer);
            case "switch" -> switchTo(caller, event.getOption("name").getAsString(), answer);
            default -> throw ApiException.notFound("/campaign has no subcommand " + event.getSubcommandName());
        }
    }

    private void info(Caller caller, Answer answer) {
        UUID id = scope.currentCampaign(caller);
        CampaignSummary c = campaigns.summary(caller.tenantId(), id);
        StringBuilder text = new StringBuilder("**" + c.name() + "** (" + c.gameSystem() + "): this server's campaign"
                + (c.active() ? "" : ", **inactive**"))
                .append("\nNPCs: ").append(c.npcs()).append(" · Entities: ").append(c.entities())
                .append(" · Narrator voice: `").append(c.narratorVoice()).append('`');
        Optional<GameSession> live = scope.liveSession(caller);
        text.append(live.map(s -> "\nSession running: `" + s.id() + "`").orElse("\nNo session running."));
        List<String> others = campaigns.list(caller.tenantId()).stream().filter(o -> !o.id().equals(id))
                .map(o -> o.name() + (o.active() ? "" : " (inactive)")).toList();
        if (!others.isEmpty()) {
            text.append("\nYour other campaigns: ").append(String.join(", ", others)).append(" (/campaign switch)");
        }
        answer.ephemeral(text.toString());
    }

    private void load(Caller caller, Message.Attachment file, Answer answer) {
        scope.requireNoLiveSession(caller, "load another campaign");
        answer.defer(true);
        CampaignImporter.Imported imported = importer.importYaml(caller.tenantId(), Attachments.text(file));
        makeCurrent(caller, imported.campaign());
        answer.ephemeral("Loaded **" + imported.campaign().name() + "** from '" + file.getFileName() + "' ("
                + imported.npcs().size() + " NPCs, " + imported.entities().size()
                + " entities): it is now this server's campaign.");
    }

    private void switchTo(Caller caller, String nameOrId, Answer answer) {
        scope.requireNoLiveSession(caller, "switch campaigns");
        Campaign target = find(caller, nameOrId);
        if (!target.active()) {
            throw ApiException.conflict("Campaign **" + target.name() + "** is inactive; activate it first "
                    + "(admin API: PATCH /api/campaigns/" + target.id() + " with {\"active\": true}).");
        }
        makeCurrent(caller, target);
        answer.ephemeral("This server now plays **" + target.name() + "** (" + target.gameSystem() + ").");
    }

    /** By id (what the suggestions send) or by name; names are not unique, so a shared name must be picked from the suggestions. */
    private Campaign find(Caller caller, String nameOrId) {
        UUID id = Ids.parse(nameOrId.strip());
        if (id != null) {
            return campaigns.find(caller.tenantId(), id);
        }
        List<Campaign> named = campaigns.findByName(caller.tenantId(), nameOrId);
        if (named.size() == 1) {
            return named.getFirst();
        }
        if (named.size() > 1) {
            throw ApiException.conflict(named.size() + " campaigns are called '" + nameOrId.strip()
                    + "': pick one from the suggestions while typing the name.");
        }
        List<String> all = campaigns.list(caller.tenantId()).stream().map(CampaignSummary::name).toList();
        throw ApiException.notFound("No campaign called '" + nameOrId.strip() + "'. Your campaigns: "
                + (all.isEmpty() ? "none yet (/campaign load imports one)" : String.join(", ", all)) + ".");
    }

    private void makeCurrent(Caller caller, Campaign campaign) {
        guilds.updateCurrentCampaign(caller.tenantId(), caller.guildId(), campaign.id());
    }

    @Override
    public List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event, Caller caller) {
        if (!"name".equals(event.getFocusedOption().getName())) {
            return List.of();
        }
        return Texts.choices(campaigns.list(caller.tenantId()), event.getFocusedOption().getValue(),
                c -> c.name() + " (" + c.gameSystem() + (c.active() ? "" : ", inactive") + ")", c -> c.id().toString());
    }
}
