package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.store.CampaignEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limits and checks campaign content must pass whichever format it arrives in (campaign YAML, Foundry VTT
 * JSON), so that both imports refuse the same things with the same words.
 */
public final class CampaignRules {

    public static final int MAX_CHARS = 1_000_000;
    public static final int MAX_NAME = 120;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_ENTITIES = 300;
    public static final int MAX_NPCS = 50;
    public static final int MAX_LIST = 30;
    static final int MAX_PROBLEMS = 20;

    private CampaignRules() {
    }

    /** @return why the document is refused before parsing, or null if its size is acceptable */
    static String sizeProblem(String text) {
        return text.length() > MAX_CHARS
                ? "the document is too large (" + text.length() + " characters, at most " + MAX_CHARS + ")"
                : null;
    }

    /** @param value already stripped; @return why it is refused, or null if it is acceptable */
    static String textProblem(String value, int max) {
        if (value.isEmpty()) {
            return "must not be blank";
        }
        if (value.length() > max) {
            return "is too long (" + value.length() + " characters, at most " + max + ")";
        }
        return null;
    }

    /** @return why {@code type} is not an entity type, or null if it is one */
    static String entityTypeProblem(String type) {
        return CampaignEntity.TYPES.contains(type)
                ? null
                : "'" + type + "' is not one of " + String.join(", ", CampaignEntity.TYPES);
    }

    static String duplicateEntityName(String name, String previousOwner) {
        return "duplicate entity name '" + name + "' (already used by " + previousOwner + ")";
    }

    /** The form in which two names count as the same: the database's uniqueness is case-insensitive too. */
    static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * Problems found so far. Capped because a broken file can produce thousands, and the first ones are the
     * ones a person fixes first.
     */
    static final class Problems {

        private final List<Problem> list = new ArrayList<>();

        void add(String field, Integer line, String message) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(new Problem(field, line, message));
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** @throws ApiException 400 listing every problem, if there is any */
        void throwIfAny() {
            if (!list.isEmpty()) {
                throw ApiException.invalid(list);
            }
        }
    }
}
