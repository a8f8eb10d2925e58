package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.feedback.FeedbackService;
import dev.glyphoxa.gateway.feedback.FeedbackService.NewFeedback;
import dev.glyphoxa.gateway.store.Feedback;
import dev.glyphoxa.gateway.store.GameSession;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

import java.util.List;
import java.util.UUID;

/**
 * {@code /feedback}: a modal with four ratings from 1 to 5 and a comment, open to every member, stored by
 * {@link FeedbackService} with the server's running session when there is one.
 */
@Singleton
public class FeedbackCommand implements DiscordCommand {

    static final List<String> RATINGS = List.of("voice_quality", "npc_personality", "response_speed", "overall");
    private static final List<String> LABELS = List.of("Voice quality", "NPC personality", "Response speed", "Overall");
    private static final List<String> SCALE = List.of("1 – poor", "2 – weak", "3 – okay", "4 – good", "5 – excellent");

    private final GuildScope scope;
    private final FeedbackService feedback;

    public FeedbackCommand(GuildScope scope, FeedbackService feedback) {
        this.scope = scope;
        this.feedback = feedback;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("feedback", "Tell us how Glyphoxa did: four ratings and a comment");
    }

    @Override
    public boolean open(String action) {
        return true;
    }

    @Override
    public void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        Modal.Builder form = Modal.create("feedback:submit", "Feedback on Glyphoxa");
        for (int i = 0; i < RATINGS.size(); i++) {
            StringSelectMenu.Builder scale = StringSelectMenu.create(RATINGS.get(i)).setRequiredRange(1, 1);
            for (int r = 0; r < SCALE.size(); r++) {
                scale.addOption(SCALE.get(r), String.valueOf(r + 1));
            }
            form.addComponents(Label.of(LABELS.get(i), scale.build()));
        }
        form.addComponents(Label.of("Comment", "Optional: what went well, what did not",
                TextInput.create("comment", TextInputStyle.PARAGRAPH).setRequired(false)
                        .setMaxLength(FeedbackService.MAX_COMMENT).build()));
        event.replyModal(form.build()).queue();
    }

    @Override
    public void modal(ModalInteractionEvent event, String action, List<String> args, Caller caller, Answer answer) {
        if (!"submit".equals(action)) {
            throw ApiException.notFound("This form is out of date; run /feedback again.");
        }
        UUID session = scope.liveSession(caller).map(GameSession::id).orElse(null);
        ModalMapping comment = event.getValue("comment");
        Feedback saved = feedback.submit(caller.tenantId(), new NewFeedback(session, caller.userId(),
                rating(event, 0), rating(event, 1), rating(event, 2), rating(event, 3),
                comment == null ? null : comment.getAsString()));
        answer.ephemeral("Thank you! Your feedback is saved" + (saved.sessionId() == null ? "."
                : " with session `" + saved.sessionId() + "`."));
    }

    /** Null when missing or not a number: the service names the field. */
    private static Integer rating(ModalInteractionEvent event, int index) {
        ModalMapping value = event.getValue(RATINGS.get(index));
        if (value == null || value.getAsStringList().isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.getAsStringList().getFirst());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
