package dev.glyphoxa.stt;

/**
 * The text of one utterance, where it came from, and the engine that recognised it (the transcript's provider).
 */
public record Recognition(String text, Source source, String provider) {

    /** Where an utterance's text came from. */
    public enum Source {
        /** The recogniser fed while the utterance arrived. */
        LIVE,
        /** A decode of the stored audio (failover, gaps, a fresh PocketSphinx decoder). */
        STORED_AUDIO,
        /** The offline recogniser (or nothing) after the cloud provider failed. */
        FALLBACK
    }

    /** Whether the text came from the stored audio rather than the live recogniser. */
    public boolean fromStoredAudio() {
        return source != Source.LIVE;
    }
}
