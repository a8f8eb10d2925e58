package dev.glyphoxa.gateway.discord;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

import java.util.List;

/**
 * One slash command with its subcommands, and the modals and buttons it opens. Component ids are
 * {@code <command>:<action>[:<argument>...]}, so {@link CommandRouter} finds the command of a modal or button by name.
 */
public interface DiscordCommand {

    SlashCommandData definition();

    default String name() {
        return definition().getName();
    }

    /**
     * @param action a subcommand name (empty for a command without subcommands), or the action of a modal or button id
     * @return whether every member may do it; otherwise only game masters may
     */
    boolean open(String action);

    void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer);

    /** Suggestions for the focused option; at most 25. */
    default List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event, Caller caller) {
        return List.of();
    }

    /** @param args the parts of the modal id after {@code <command>:<action>} */
    default void modal(ModalInteractionEvent event, String action, List<String> args, Caller caller, Answer answer) {
        throw new IllegalStateException("/" + name() + " opens no modal '" + action + "'");
    }

    /** @param args the parts of the button id after {@code <command>:<action>} */
    default void button(ButtonInteractionEvent event, String action, List<String> args, Caller caller, Answer answer) {
        throw new IllegalStateException("/" + name() + " has no button '" + action + "'");
    }
}
