package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.npc.NpcService;
import dev.glyphoxa.gateway.session.NpcControl;
import dev.glyphoxa.gateway.store.GameSession;
import dev.glyphoxa.gateway.store.Npc;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /npc list|mute|unmute|speak|direct|muteall|unmuteall}: the game master's hands on the NPCs of the running
 * session, over {@link NpcControl}. Names are suggested from the campaign being played.
 */
@Singleton
public class NpcCommands implements DiscordCommand {

    /** A direction is up to 500 characters; the list shows its start, so a full cast stays within one message. */
    static final int LISTED_DIRECTION_CHARS = 80;

    private final GuildScope scope;
    private final NpcControl control;
    private final NpcService npcs;
    private final CampaignService campaigns;

    public NpcCommands(GuildScope scope, NpcControl control, NpcService npcs, CampaignService campaigns) {
        this.scope = scope;
        this.control = control;
        this.npcs = npcs;
        this.campaigns = campaigns;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("npc", "The NPCs of the running session").addSubcommands(
                new SubcommandData("list", "List the campaign's NPCs and whether they are muted"),
                new SubcommandData("mute", "Silence an NPC (game masters)").addOptions(nameOption()),
                new SubcommandData("unmute", "Let a muted NPC speak again (game masters)").addOptions(nameOption()),
                new SubcommandData("speak", "Have an NPC say something word for word (game masters)").addOptions(nameOption(),
                        new OptionData(OptionType.STRING, "text", "What the NPC says", true)
                                .setMaxLength(NpcControl.MAX_SPEAK)),
                new SubcommandData("direct", "Tell an NPC how to play it from now on this session; no direction clears it (game masters)")
                        .addOptions(nameOption(), new OptionData(OptionType.STRING, "direction",
                                "e.g. 'you are drunk tonight'; leave out to clear", false)
                                .setMaxLength(NpcControl.MAX_DIRECTION)),
                new SubcommandData("muteall", "Silence every NPC (game masters)"),
                new SubcommandData("unmuteall", "Let every NPC speak again (game masters)"));
    }

    private static OptionData nameOption() {
        return new OptionData(OptionType.STRING, "name", "The NPC's name or alias", true, true);
    }

    @Override
    public boolean open(String action) {
        return "list".equals(action);
    }

    @Override
    public void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        String sub = String.valueOf(event.getSubcommandName());
        if ("list".equals(sub)) {
            list(caller, answer);
            return;
        }
        UUID session = scope.requireLiveSession(caller).id();
        String tenant = caller.tenantId();
        switch (sub) {
            case "mute" -> answer.ephemeral("🔇 **" + control.setMuted(tenant, session, option(event, "name"), true).name()
                    + "** is muted until you /npc unmute them.");
            case "unmute" -> answer.ephemeral("🔊 **" + control.setMuted(tenant, session, option(event, "name"), false).name()
                    + "** may speak again.");
            case "speak" -> {
                String text = option(event, "text");
                Npc npc = control.speak(tenant, session, option(event, "name"), text);
                answer.ephemeral("🗣️ **" + npc.name() + "** says: “" + text.strip() + "”");
            }
            case "direct" -> {
                NpcControl.Directed d = control.direct(tenant, session, option(event, "name"), option(event, "direction"));
                answer.ephemeral(d.direction() == null
                        ? "🎭 **" + d.npc().name() + "** has no standing direction now and plays their persona as written."
                        : "🎭 From now on this session, **" + d.npc().name() + "** plays it this way: “" + d.direction()
                        + "” (it shapes their replies; they will not say it).");
            }
            case "muteall" -> answer.ephemeral("🔇 All " + control.setAllMuted(tenant, session, true).size()
                    + " NPCs are muted until /npc unmuteall.");
            case "unmuteall" -> answer.ephemeral("🔊 All " + control.setAllMuted(tenant, session, false).size()
                    + " NPCs may speak again.");
            default -> throw ApiException.notFound("/npc has no subcommand " + sub);
        }
    }

    private void list(Caller caller, Answer answer) {
        Optional<GameSession> live = scope.liveSession(caller);
        UUID campaignId = live.map(GameSession::campaignId).orElseGet(() -> scope.currentCampaign(caller));
        List<Npc> all = live.isPresent() ? control.npcsOf(caller.tenantId(), live.get().id())
                : npcs.list(caller.tenantId(), campaignId);
        Map<UUID, String> directed = live.isPresent() ? control.directionsOf(caller.tenantId(), live.get().id()) : Map.of();
        String campaign = campaigns.find(caller.tenantId(), campaignId).name();
        if (all.isEmpty()) {
            answer.ephemeral("Campaign **" + campaign + "** has no NPCs.");
            return;
        }
        StringBuilder text = new StringBuilder("NPCs of **" + campaign + "**"
                + (live.isPresent() ? " (session running)" : "") + ":");
        for (Npc n : all) {
            text.append("\n• **").append(n.name()).append("**")
                    .append(n.aliases().isEmpty() ? "" : " (" + String.join(", ", n.aliases()) + ")")
                    .append(n.muted() ? " — 🔇 muted" : " — 🔊 speaking");
            if (directed.containsKey(n.id())) {
                text.append(" — 🎭 “").append(Texts.clip(directed.get(n.id()), LISTED_DIRECTION_CHARS)).append("”");
            }
        }
        answer.ephemeral(text.toString());
    }

    @Override
    public List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event, Caller caller) {
        if (!"name".equals(event.getFocusedOption().getName())) {
            return List.of();
        }
        return Texts.choices(npcs.list(caller.tenantId(), scope.playedCampaign(caller)),
                event.getFocusedOption().getValue(), Npc::name, Npc::name);
    }

    private static String option(SlashCommandInteractionEvent event, String name) {
        return event.getOption(name) == null ? "" : event.getOption(name).getAsString();
    }
}
