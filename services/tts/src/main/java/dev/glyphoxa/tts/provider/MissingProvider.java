package dev.glyphoxa.tts.provider;

import dev.glyphoxa.audio.Wav;

/**
 * Stands in for a provider that is known but not configured (a cloud engine without an API key), so a line asking
 * for one of its voices is routed like any unknown voice (default voice, one warning per voice string) and the
 * warning says what to configure rather than that the provider does not exist.
 */
public final class MissingProvider implements Synthesizer {

    private final String name;
    private final String howToConfigure;

    public MissingProvider(String name, String howToConfigure) {
        this.name = name;
        this.howToConfigure = howToConfigure;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Wav.Clip synthesize(String text, String voice) {
        throw new UnknownVoiceException(name + " is not configured: " + howToConfigure);
    }

    @Override
    public void close() {
    }
}
