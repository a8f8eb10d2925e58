package dev.glyphoxa.stt.provider;

/**
 * A model file, native library or program the stage needs is not installed. The message is one line meant for
 * the operator and names the install script; the start-up check prints it without a stack trace.
 */
public final class MissingSpeechDependencyException extends IllegalStateException {

    public static final String INSTALL_HINT = "install the speech engines with scripts/install-speech-deps.sh";

    public MissingSpeechDependencyException(String what) {
        super(what + " (" + INSTALL_HINT + ")");
    }
}
