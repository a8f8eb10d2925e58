package dev.glyphoxa.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids arrive as text from paths, bodies and slash-command options. Only the canonical 8-4-4-4-12 form counts:
 * {@link UUID#fromString} would also take {@code 1-1-1-1-1}.
 */
public final class Ids {

    private static final UUID NONE = new UUID(0, 0);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** @return the UUID, or null when {@code text} is null or not a UUID */
    public static UUID parse(String text) {
        return wellFormed(text == null ? null : text.strip()) ? UUID.fromString(text.strip()) : null;
    }

    /**
     * A path id for a lookup: a malformed one becomes the nil UUID, which names nothing, so it takes the same
     * lookup and gets the same 404 as an unknown or foreign id.
     */
    public static UUID path(String raw) {
        return wellFormed(raw) ? UUID.fromString(raw) : NONE;
    }

    /** A path id that must be well formed: otherwise 404 "no {@code kind} {@code raw}", as for an unknown one. */
    public static UUID inPath(String raw, String kind) {
        UUID parsed = parse(raw);
        if (parsed == null) {
            throw ApiException.notFound("no " + kind + " " + raw);
        }
        return parsed;
    }

    public static boolean wellFormed(String raw) {
        return raw != null && UUID_TEXT.matcher(raw).matches();
    }
}
