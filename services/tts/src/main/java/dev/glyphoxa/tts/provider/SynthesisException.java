package dev.glyphoxa.tts.provider;

/** The engine is missing, died, timed out or rejected the text; the message is one line that says which. */
public class SynthesisException extends IllegalStateException {

    public static final String INSTALL_HINT = "run scripts/install-speech-deps.sh";

    public SynthesisException(String message) {
        super(message);
    }

    public SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
