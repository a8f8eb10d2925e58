package dev.glyphoxa.gateway;

import java.util.UUID;

/** Ids arrive as text from paths, bodies and slash-command options; a malformed one is simply not an id. */
public final class Ids {

    private Ids() {
    }

    /** @return the UUID, or null when {@code text} is null or not a UUID */
    public static UUID parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
