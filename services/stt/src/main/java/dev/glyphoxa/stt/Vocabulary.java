package dev.glyphoxa.stt;

import dev.glyphoxa.stt.state.NameWord;
import dev.glyphoxa.stt.state.SessionVocabulary;

import java.util.List;

/**
 * A session's campaign vocabulary as the recognisers need it: the names as written (hints for cloud providers) and
 * the dictionary words with pronunciations (for PocketSphinx).
 */
public record Vocabulary(List<String> names, List<NameWord> words) {

    public static final Vocabulary NONE = new Vocabulary(List.of(), List.of());

    public static Vocabulary of(SessionVocabulary v) {
        return v == null ? NONE : new Vocabulary(List.copyOf(v.getNames()), List.copyOf(v.getWords()));
    }
}
