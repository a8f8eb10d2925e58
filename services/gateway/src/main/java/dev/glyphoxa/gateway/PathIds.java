package dev.glyphoxa.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids in request paths. A malformed id reads as the nil UUID, which no row has (ids are random version-4 UUIDs),
 * so it goes through the same lookups as any unknown id and gets exactly the same 404: a caller cannot tell a
 * typo from another tenant's row, and a parent is checked before a child whatever the child's id looks like.
 */
public final class PathIds {

    private static final UUID NONE = new UUID(0, 0);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    public static UUID of(String raw) {
        return wellFormed(raw) ? UUID.fromString(raw) : NONE;
    }

    /** Strict about the form, where {@link UUID#fromString} would also take {@code 1-1-1-1-1}. */
    public static boolean wellFormed(String raw) {
        return raw != null && UUID_TEXT.matcher(raw).matches();
    }
}
