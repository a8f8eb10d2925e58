package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.Checks;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The voice of an NPC or narrator: {@code engine:voice}, e.g. {@code festival:slt} or {@code espeak:en+m3}. The
 * engine is checked here because the TTS stage falls back to its default voice for an engine it does not have,
 * which would pass silently; whether the voice name exists is only known to the TTS stage.
 */
public final class Voices {

    /**
     * The engines the TTS stage knows (services/tts VoiceRouter): the offline festival and espeak, and elevenlabs
     * (a cloud voice id; without an API key the TTS speaks such lines in its fallback voice and counts it).
     */
    public static final List<String> ENGINES = List.of("festival", "espeak", "elevenlabs");

    private static final Pattern VOICE = Pattern.compile("([a-z][a-z0-9_-]*):(\\S+)");

    private Voices() {
    }

    /** Why {@code voice} is not a voice, or {@code null} if it is one. */
    public static @Nullable String problem(String voice) {
        Matcher m = VOICE.matcher(voice);
        if (!m.matches()) {
            return "'" + voice + "' is not a voice; expected engine:voice, e.g. festival:slt or espeak:en+m3";
        }
        if (!ENGINES.contains(m.group(1))) {
            return "'" + m.group(1) + "' is not a voice engine; expected one of " + String.join(", ", ENGINES)
                    + " (e.g. festival:slt or espeak:en+m3)";
        }
        return null;
    }

    /** The stripped voice, or null (with a problem in {@code checks} if it was given but is not a voice). */
    public static @Nullable String present(Checks checks, String field, @Nullable String voice) {
        String stripped = checks.present(field, voice, CampaignRules.MAX_NAME);
        String wrong = stripped == null ? null : problem(stripped);
        if (wrong != null) {
            checks.problem(field, wrong);
            return null;
        }
        return stripped;
    }
}
