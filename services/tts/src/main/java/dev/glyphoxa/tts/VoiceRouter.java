package dev.glyphoxa.tts;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the engine and voice for an NpcLine's {@code voice} string, {@code provider:voice} (e.g.
 * {@code festival:slt-deep}, {@code espeak:en+m3}). A bare name, an unknown provider or a voice the provider does
 * not have falls back to the configured default voice, with one warning per distinct voice string, so a typo in a
 * campaign file costs a log line rather than the NPC's speech.
 */
public final class VoiceRouter {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceRouter.class);
    private static final int MAX_REMEMBERED_WARNINGS = 1000;

    /** An engine and the voice name it understands. */
    public record Voice(Synthesizer synthesizer, String name) {
        @Override
        public String toString() {
            return synthesizer.name() + ":" + name;
        }
    }

    private final Map<String, Synthesizer> synthesizers = new LinkedHashMap<>();
    private final Voice defaultVoice;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public VoiceRouter(Collection<? extends Synthesizer> synthesizers, String defaultVoice) {
        for (Synthesizer s : synthesizers) {
            this.synthesizers.put(s.name(), s);
        }
        this.defaultVoice = parse(defaultVoice);
        if (this.defaultVoice == null) {
            throw new IllegalArgumentException("default voice '" + defaultVoice + "' must be provider:voice with provider one of "
                    + this.synthesizers.keySet());
        }
    }

    public Voice defaultVoice() {
        return defaultVoice;
    }

    /** Speaks with the default voice once, so a missing engine or voice fails at startup rather than on a player. */
    public void warmUp() {
        defaultVoice.synthesizer().synthesize("Ready.", defaultVoice.name());
    }

    /** Speaks cleaned text with the voice the line asks for, or with the default voice. */
    public Wav.Clip synthesize(String text, String voice) {
        Voice chosen = parse(voice);
        if (chosen == null) {
            warnOnce(voice, "is not provider:voice with a provider of " + synthesizers.keySet());
            chosen = defaultVoice;
        }
        if (chosen.equals(defaultVoice)) {
            return defaultVoice.synthesizer().synthesize(text, defaultVoice.name());
        }
        try {
            return chosen.synthesizer().synthesize(text, chosen.name());
        } catch (UnknownVoiceException e) {
            warnOnce(voice, "is unknown (" + e.getMessage() + ")");
            return defaultVoice.synthesizer().synthesize(text, defaultVoice.name());
        }
    }

    private Voice parse(String voice) {
        if (voice == null) {
            return null;
        }
        int colon = voice.indexOf(':');
        if (colon <= 0 || colon == voice.length() - 1) {
            return null;
        }
        Synthesizer s = synthesizers.get(voice.substring(0, colon).trim());
        return s == null ? null : new Voice(s, voice.substring(colon + 1).trim());
    }

    private void warnOnce(String voice, String why) {
        if (warned.size() > MAX_REMEMBERED_WARNINGS) {
            warned.clear();
        }
        if (warned.add(String.valueOf(voice))) {
            LOG.warn("voice '{}' {}; using the default voice {}", voice, why, defaultVoice);
        }
    }
}
