package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.campaign.CampaignRules;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.campaign.KnowledgeImporter;
import dev.glyphoxa.gateway.entity.EntityService;
import dev.glyphoxa.gateway.entity.EntityService.NewEntity;
import dev.glyphoxa.gateway.store.CampaignEntity;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /entity add|list|remove|import}: the current campaign's knowledge, over {@link EntityService} and
 * {@link KnowledgeImporter}. Adding opens a modal; removing asks for confirmation with two buttons. The campaign id
 * travels in the modal and button ids, so a change lands in the campaign the game master was shown.
 */
@Singleton
public class EntityCommands implements DiscordCommand {

    private static final int MAX_LISTED = 1800;

    private final GuildScope scope;
    private final EntityService entities;
    private final KnowledgeImporter importer;
    private final CampaignService campaigns;

    public EntityCommands(GuildScope scope, EntityService entities, KnowledgeImporter importer, CampaignService campaigns) {
        this.scope = scope;
        this.entities = entities;
        this.importer = importer;
        this.campaigns = campaigns;
    }

    @Override
    public SlashCommandData definition() {
        OptionData type = new OptionData(OptionType.STRING, "type", "Only entities of this type");
        CampaignEntity.TYPES.forEach(t -> type.addChoice(t, t));
        return Commands.slash("entity", "What the NPCs know: places, items, factions, quests, lore").addSubcommands(
                new SubcommandData("add", "Add an entity to the current campaign (game masters)"),
                new SubcommandData("list", "List the current campaign's entities").addOptions(type),
                new SubcommandData("remove", "Remove an entity from the current campaign (game masters)").addOptions(
                        new OptionData(OptionType.STRING, "name", "The entity's name", true, true)),
                new SubcommandData("import", "Import entities from a file: entities YAML or Foundry VTT JSON (game masters)")
                        .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "A .yaml/.yml or Foundry .json export", true)));
    }

    @Override
    public boolean open(String action) {
        return "list".equals(action);
    }

    @Override
    public void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        UUID campaignId = scope.currentCampaign(caller);
        switch (String.valueOf(event.getSubcommandName())) {
            case "add" -> event.replyModal(addForm(campaignId)).queue();
            case "list" -> list(caller, campaignId, event.getOption("type") == null ? null : event.getOption("type").getAsString(), answer);
            case "remove" -> confirmRemoval(caller, campaignId, event.getOption("name").getAsString(), answer);
            case "import" -> importFile(caller, campaignId, event.getOption("file").getAsAttachment(), answer);
            default -> throw ApiException.notFound("/entity has no subcommand " + event.getSubcommandName());
        }
    }

    private static Modal addForm(UUID campaignId) {
        StringSelectMenu.Builder type = StringSelectMenu.create("type").setRequiredRange(1, 1);
        CampaignEntity.TYPES.forEach(t -> type.addOption(t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1), t));
        return Modal.create("entity:add:" + campaignId, "Add an entity").addComponents(
                Label.of("Name", TextInput.create("name", TextInputStyle.SHORT)
                        .setRequiredRange(1, CampaignRules.MAX_NAME).build()),
                Label.of("Type", type.build()),
                Label.of("Description", "What the NPCs know about it", TextInput.create("description", TextInputStyle.PARAGRAPH)
                        .setRequiredRange(1, CampaignRules.MAX_TEXT).build()),
                Label.of("Tags", "Separated by commas (optional)", TextInput.create("tags", TextInputStyle.SHORT)
                        .setRequired(false).setMaxLength(1000).build()))
                .build();
    }

    @Override
    public void modal(ModalInteractionEvent event, String action, List<String> args, Caller caller, Answer answer) {
        UUID campaignId = args.isEmpty() ? null : Ids.parse(args.getFirst());
        if (!"add".equals(action) || campaignId == null) {
            throw ApiException.notFound("This form is out of date; run /entity add again.");
        }
        ModalMapping type = event.getValue("type");
        ModalMapping tags = event.getValue("tags");
        CampaignEntity created = entities.create(caller.tenantId(), campaignId, new NewEntity(
                type == null || type.getAsStringList().isEmpty() ? null : type.getAsStringList().getFirst(),
                text(event, "name"), text(event, "description"),
                tags == null ? List.of() : Arrays.stream(tags.getAsString().split(","))
                        .map(String::strip).filter(t -> !t.isEmpty()).toList()));
        answer.ephemeral("Added **" + created.name() + "** (" + created.type() + ") to campaign **"
                + campaigns.find(caller.tenantId(), campaignId).name() + "**"
                + (created.tags().isEmpty() ? "" : ", tagged " + String.join(", ", created.tags())) + ".");
    }

    private void list(Caller caller, UUID campaignId, String type, Answer answer) {
        List<CampaignEntity> found = entities.list(caller.tenantId(), campaignId, type);
        String campaign = campaigns.find(caller.tenantId(), campaignId).name();
        if (found.isEmpty()) {
            answer.ephemeral("Campaign **" + campaign + "** has no " + (type == null ? "entities" : type + " entities")
                    + " yet: /entity add or /entity import adds some.");
            return;
        }
        StringBuilder text = new StringBuilder("**" + campaign + "**: " + found.size() + " " + (type == null ? "entities" : type + " entities"));
        int shown = 0;
        for (CampaignEntity e : found) {
            String line = "\n• **" + e.name() + "** (" + e.type() + "): " + Texts.clip(e.description().replaceAll("\\s+", " "), 90);
            if (text.length() + line.length() > MAX_LISTED) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < found.size()) {
            text.append("\n… and ").append(found.size() - shown).append(" more (narrow it down with the type option).");
        }
        answer.ephemeral(text.toString());
    }

    private void confirmRemoval(Caller caller, UUID campaignId, String name, Answer answer) {
        CampaignEntity entity = entities.findByName(caller.tenantId(), campaignId, name);
        answer.ephemeral(new MessageCreateBuilder()
                .setContent("Remove **" + entity.name() + "** (" + entity.type() + ") from campaign **"
                        + campaigns.find(caller.tenantId(), campaignId).name() + "**? This cannot be undone.")
                .setComponents(ActionRow.of(
                        Button.danger("entity:remove:" + campaignId + ":" + entity.id(), "Remove"),
                        Button.secondary("entity:keep:" + entity.id(), "Keep")))
                .build());
    }

    private void importFile(Caller caller, UUID campaignId, Message.Attachment file, Answer answer) {
        answer.defer(true);
        String text = Attachments.text(file);
        List<CampaignEntity> imported = importer.importFile(caller.tenantId(), campaignId,
                KnowledgeImporter.detect(file.getFileName(), text), text);
        answer.ephemeral("Imported " + imported.size() + " entities from '" + file.getFileName() + "' into campaign **"
                + campaigns.find(caller.tenantId(), campaignId).name() + "**: "
                + String.join(", ", imported.stream().map(e -> e.name() + " (" + e.type() + ")").toList()));
    }

    @Override
    public void button(ButtonInteractionEvent event, String action, List<String> args, Caller caller, Answer answer) {
        switch (action) {
            case "remove" -> {
                UUID campaignId = args.size() == 2 ? Ids.parse(args.get(0)) : null;
                UUID entityId = args.size() == 2 ? Ids.parse(args.get(1)) : null;
                if (campaignId == null || entityId == null) {
                    throw ApiException.notFound("This button is out of date; run /entity remove again.");
                }
                CampaignEntity entity = entities.find(caller.tenantId(), campaignId, entityId);
                entities.delete(caller.tenantId(), campaignId, entityId);
                event.editMessage("Removed **" + entity.name() + "** (" + entity.type() + ").").setComponents().queue();
            }
            case "keep" -> event.editMessage("Nothing removed.").setComponents().queue();
            default -> throw ApiException.notFound("This button is out of date; run /entity remove again.");
        }
    }

    @Override
    public List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event, Caller caller) {
        if (!"name".equals(event.getFocusedOption().getName())) {
            return List.of();
        }
        return Texts.choices(entities.list(caller.tenantId(), scope.currentCampaign(caller), null),
                event.getFocusedOption().getValue(), e -> e.name() + " (" + e.type() + ")", CampaignEntity::name);
    }

    private static String text(ModalInteractionEvent event, String id) {
        ModalMapping value = event.getValue(id);
        return value == null ? null : value.getAsString();
    }
}
