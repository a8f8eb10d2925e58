package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dispatches interactions to their {@link DiscordCommand} by command name (slash commands, autocomplete) or by the
 * command named in a component id (modals, buttons). Every interaction is resolved to its tenant first; game-master-only
 * actions are checked here, once, for all commands. Refusals ({@link ApiException}) are shown to the caller alone;
 * anything else is logged with a reference the caller can quote.
 */
@Singleton
public class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    private static final String ID_SEPARATOR = ":";

    private final GuildScope scope;
    private final Map<String, DiscordCommand> commands = new LinkedHashMap<>();

    public CommandRouter(GuildScope scope, List<DiscordCommand> commands) {
        this.scope = scope;
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    public List<SlashCommandData> definitions() {
        return commands.values().stream().map(DiscordCommand::definition).toList();
    }

    public void slash(String tenantId, SlashCommandInteractionEvent event) {
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        run(tenantId, event, event.getName(), sub, new Answer(event),
                (command, caller, answer) -> command.slash(event, caller, answer));
    }

    public void modal(String tenantId, ModalInteractionEvent event) {
        List<String> id = Arrays.asList(event.getModalId().split(ID_SEPARATOR));
        String action = id.size() > 1 ? id.get(1) : "";
        run(tenantId, event, id.getFirst(), action, new Answer(event),
                (command, caller, answer) -> command.modal(event, action, id.subList(Math.min(2, id.size()), id.size()), caller, answer));
    }

    public void button(String tenantId, ButtonInteractionEvent event) {
        List<String> id = Arrays.asList(event.getComponentId().split(ID_SEPARATOR));
        String action = id.size() > 1 ? id.get(1) : "";
        run(tenantId, event, id.getFirst(), action, new Answer(event),
                (command, caller, answer) -> command.button(event, action, id.subList(Math.min(2, id.size()), id.size()), caller, answer));
    }

    /** Suggestions never refuse: a caller who may not use them gets none, and so does one whose server has no campaign. */
    public void autocomplete(String tenantId, CommandAutoCompleteInteractionEvent event) {
        DiscordCommand command = commands.get(event.getName());
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices = List.of();
        try {
            if (command != null) {
                choices = command.complete(event, scope.caller(tenantId, event));
            }
        } catch (ApiException e) {
            LOG.debug("no suggestions for /{}: {}", event.getFullCommandName(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("suggestions for /{} failed", event.getFullCommandName(), e);
        }
        event.replyChoices(choices).queue();
    }

    private interface Action {
        void run(DiscordCommand command, Caller caller, Answer answer);
    }

    private void run(String tenantId, Interaction interaction, String name, String action, Answer answer, Action work) {
        try {
            DiscordCommand command = commands.get(name);
            if (command == null) {
                throw ApiException.notFound("Glyphoxa has no command '" + name + "' any more; Discord may show an old list for a while.");
            }
            Caller caller = scope.caller(tenantId, interaction);
            if (!command.open(action)) {
                scope.requireGm(caller);
            }
            work.run(command, caller, answer);
        } catch (ApiException e) {
            answer.refuse(e.getMessage());
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Discord interaction {} '{} {}' of tenant '{}' in server {} failed (ref {})", interaction.getId(),
                    name, action, tenantId, interaction.getGuild() == null ? "-" : interaction.getGuild().getId(), ref, e);
            answer.refuse("Something went wrong on Glyphoxa's side (reference " + ref + "). Try again; if it keeps "
                    + "failing, give the reference to your Glyphoxa operator.");
        }
    }
}
