package dev.glyphoxa.gateway.discord;

import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The one answer an interaction gets, whether it was deferred or not. Refusals are always ephemeral: after a public
 * deferral ("Glyphoxa is thinking...") the public placeholder is deleted and the refusal follows, visible only to the
 * caller, so a mistake never lands in the channel.
 */
public final class Answer {

    /** Discord refuses message content longer than this. */
    public static final int MAX_CONTENT = 2000;

    private final IReplyCallback interaction;
    private boolean deferred;
    private boolean deferredEphemeral;

    public Answer(IReplyCallback interaction) {
        this.interaction = interaction;
    }

    /** Acknowledges now (Discord allows 3 s), so the work may take up to 15 minutes. */
    public void defer(boolean ephemeral) {
        interaction.deferReply(ephemeral).queue();
        deferred = true;
        deferredEphemeral = ephemeral;
    }

    public void ephemeral(String text) {
        send(new MessageCreateBuilder().setContent(Texts.clip(text, MAX_CONTENT)).build(), true);
    }

    public void visible(String text) {
        send(new MessageCreateBuilder().setContent(Texts.clip(text, MAX_CONTENT)).build(), false);
    }

    /** A message with components (buttons), seen only by the caller. */
    public void ephemeral(MessageCreateData message) {
        send(message, true);
    }

    public void embed(MessageEmbed embed, boolean ephemeral) {
        send(new MessageCreateBuilder().setEmbeds(embed).build(), ephemeral);
    }

    /** A refusal or an error: only the caller sees it. */
    public void refuse(String text) {
        String clipped = Texts.clip(text, MAX_CONTENT);
        if (!deferred) {
            if (interaction.isAcknowledged()) {
                interaction.getHook().sendMessage(clipped).setEphemeral(true).queue();
            } else {
                interaction.reply(clipped).setEphemeral(true).queue();
            }
        } else if (deferredEphemeral) {
            interaction.getHook().editOriginal(clipped).queue();
        } else {
            InteractionHook hook = interaction.getHook();
            hook.deleteOriginal().queue();
            hook.sendMessage(clipped).setEphemeral(true).queue();
        }
    }

    public InteractionHook hook() {
        return interaction.getHook();
    }

    /** After a deferral the placeholder is edited; its visibility was chosen when deferring. */
    private void send(MessageCreateData message, boolean ephemeral) {
        if (deferred) {
            interaction.getHook().editOriginal(MessageEditData.fromCreateData(message)).queue();
        } else {
            interaction.reply(message).setEphemeral(ephemeral).queue();
        }
    }
}
