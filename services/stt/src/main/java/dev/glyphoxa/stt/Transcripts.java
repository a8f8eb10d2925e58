package dev.glyphoxa.stt;

import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.UtteranceState;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the stage's {@link Transcript}s: the final one of an utterance and the interim ones before it. */
final class Transcripts {

    private static final Pattern SPACE = Pattern.compile(" ");
    /** A token as cloud engines write it: leading punctuation, the word, trailing punctuation ("grimjaw?"). */
    private static final Pattern TOKEN = Pattern.compile("^(\\W*)(.*?)(\\W*)$", Pattern.UNICODE_CHARACTER_CLASS);

    private Transcripts() {
    }

    static Transcript finalOne(UtteranceState state, String turnId, Recognition result, List<NameWord> words,
                               TurnTimings timings, long speechEndMs) {
        return builder(state, displayed(result.text(), words), result.provider())
                .setTurnId(turnId).setIsFinal(true).setSpeechEndMs(speechEndMs).setTimings(timings).build();
    }

    /**
     * The text so far of an utterance still in progress. Its turn id is empty (the turn id arrives with
     * SpeechEnded) and its timings are unset; consumers that act on turns skip {@code is_final=false}.
     */
    static Transcript interim(UtteranceState state, String text, String provider, List<NameWord> words) {
        return builder(state, displayed(text, words), provider)
                .setTurnId("").setIsFinal(false).setSpeechEndMs(audioEnd(state))
                .setTimings(TurnTimings.newBuilder().build()).build();
    }

    private static Transcript.Builder builder(UtteranceState state, String text, String provider) {
        return Transcript.newBuilder()
                .setSessionId(state.getSessionId())
                .setSpeakerId(state.getSpeakerId())
                .setUtteranceId(state.getUtteranceId())
                .setText(text)
                .setProvider(provider)
                .setSpeechStartMs(state.getStartMs());
    }

    /** Start plus the length of the audio stored so far. */
    static long audioEnd(UtteranceState state) {
        return state.getStartMs() + state.getSamples() * 1000 / SpeechProcessor.SAMPLE_RATE;
    }

    /** Writes added words as the campaign spells them: "grimjaw" → "Grimjaw", "grimjaw?" → "Grimjaw?". */
    static String displayed(String text, List<NameWord> words) {
        if (text.isEmpty() || words.isEmpty()) {
            return text;
        }
        Map<String, String> display = new HashMap<>();
        words.forEach(w -> display.put(w.getWord(), w.getDisplay()));
        StringBuilder out = new StringBuilder();
        for (String token : SPACE.split(text)) {
            Matcher m = TOKEN.matcher(token);
            String shown = token;
            if (m.matches()) {
                String word = display.get(m.group(2).toLowerCase(Locale.ROOT));
                shown = word == null ? token : m.group(1) + word + m.group(3);
            }
            out.append(out.isEmpty() ? "" : " ").append(shown);
        }
        return out.toString();
    }
}
