package dev.glyphoxa.gateway.discord;

import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Tells everyone in the channel where a session was started that it is transcribed, what is kept and how to stop it.
 * Posted as a message of its own (not the interaction's answer) so it stays after the interaction expires; if the
 * bot may not post there, it follows the interaction instead, which needs no channel permission.
 */
final class TranscriptionNotice {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptionNotice.class);

    private TranscriptionNotice() {
    }

    static String text(AudioChannel voice, UUID sessionId) {
        return "🔴 **This session is being transcribed.** Glyphoxa listens in " + voice.getAsMention()
                + " and keeps a written transcript of session `" + sessionId + "`: who said what (your Discord user id "
                + "and the words recognised) and every line the NPCs speak. No recording is kept: the audio is only "
                + "transcribed, and Glyphoxa's queues drop it within the hour. The transcript is used for recaps.\n"
                + "To stop: a game master runs `/session stop`. If you do not want to be transcribed, leave "
                + voice.getAsMention() + ".";
    }

    static void post(SlashCommandInteractionEvent event, Answer answer, AudioChannel voice, UUID sessionId) {
        String text = text(voice, sessionId);
        event.getChannel().sendMessage(text).queue(
                ok -> LOG.debug("transcription notice for session {} posted in channel {}", sessionId, event.getChannel().getId()),
                e -> {
                    LOG.info("cannot post the transcription notice for session {} in channel {} ({}); sending it with the answer",
                            sessionId, event.getChannel().getId(), e.getMessage());
                    answer.hook().sendMessage(text).queue();
                });
    }
}
