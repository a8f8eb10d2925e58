package dev.glyphoxa.gateway.discord;

import io.micronaut.core.annotation.Nullable;
import net.dv8tion.jda.api.interactions.commands.Command;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Discord-side wording: lengths Discord accepts, durations, mentions, suggestions. */
public final class Texts {

    /** Discord shows at most this many autocomplete suggestions. */
    public static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_TEXT = 100;
    private static final String VOICE_PREFIX = "discord:";

    private Texts() {
    }

    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** "1 h 05 min", "12 min", "40 s". */
    public static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** The voice channel reference the voice-bridge reads: {@code discord:<guildId>/<voiceChannelId>}. */
    public static String voiceChannel(String guildId, String channelId) {
        return VOICE_PREFIX + guildId + "/" + channelId;
    }

    /** A channel mention for a {@link #voiceChannel} reference; anything else (e.g. {@code local}) as it is. */
    public static String channelMention(@Nullable String voiceChannel) {
        if (voiceChannel != null && voiceChannel.startsWith(VOICE_PREFIX) && voiceChannel.indexOf('/') > 0) {
            return "<#" + voiceChannel.substring(voiceChannel.lastIndexOf('/') + 1) + ">";
        }
        return "`" + voiceChannel + "`";
    }

    public static String userMention(String userId) {
        return userId.matches("[0-9]+") ? "<@" + userId + ">" : userId;
    }

    /** Suggestions whose label contains what was typed (ignoring case), in the given order, at most 25. */
    public static <T> List<Command.Choice> choices(Collection<T> items, String typed, Function<T, String> label,
                                                   Function<T, String> value) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return items.stream()
                .filter(i -> label.apply(i).toLowerCase(Locale.ROOT).contains(wanted))
                .limit(MAX_CHOICES)
                .map(i -> new Command.Choice(clip(label.apply(i), MAX_CHOICE_TEXT), clip(value.apply(i), MAX_CHOICE_TEXT)))
                .toList();
    }
}
