package dev.glyphoxa.gateway.discord;

import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/** The events one tenant's bot reacts to; everything else JDA delivers is ignored. */
final class BotListener extends ListenerAdapter {

    private final String tenantId;
    private final CommandRouter router;
    private final CommandRegistrar registrar;

    BotListener(String tenantId, CommandRouter router, CommandRegistrar registrar) {
        this.tenantId = tenantId;
        this.router = router;
        this.registrar = registrar;
    }

    @Override
    public void onReady(ReadyEvent event) {
        registrar.registerAll(tenantId, event.getJDA());
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        registrar.register(tenantId, event.getGuild());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        router.slash(tenantId, event);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        router.autocomplete(tenantId, event);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        router.modal(tenantId, event);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        router.button(tenantId, event);
    }
}
