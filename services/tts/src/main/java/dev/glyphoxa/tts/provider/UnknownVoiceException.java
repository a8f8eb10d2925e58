package dev.glyphoxa.tts.provider;

/** The engine does not have the requested voice; callers fall back to the configured default voice. */
public class UnknownVoiceException extends IllegalArgumentException {

    public UnknownVoiceException(String message) {
        super(message);
    }
}
