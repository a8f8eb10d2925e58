package dev.glyphoxa.tts;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.RemoteSynthesisException;
import dev.glyphoxa.tts.provider.SynthesisException;
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
 * {@code festival:slt-deep}, {@code espeak:en+m3}, {@code elevenlabs:<voice id>}). A bare name, an unknown
 * provider or a voice the provider does not have falls back to the configured default voice, with one warning per
 * distinct voice string, so a typo in a campaign file costs a log line rather than the NPC's speech.
 *
 * <p>A remote engine that fails on a line (network, account, garbage) does not cost the line either: the offline
 * fallback voice speaks it, with one warning per line and a count in {@link ProviderFailures}; when the remote
 * stream breaks off after audio went out, the line ends with what was sent.
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
    private final Voice fallbackVoice;
    private final ProviderFailures failures;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public VoiceRouter(Collection<? extends Synthesizer> synthesizers, String defaultVoice) {
        this(synthesizers, defaultVoice, null, ProviderFailures.unregistered());
    }

    /**
     * @param fallbackVoice offline voice for lines a remote engine fails on; null means the default voice, which
     *                      must then be offline
     */
    public VoiceRouter(Collection<? extends Synthesizer> synthesizers, String defaultVoice, String fallbackVoice,
                       ProviderFailures failures) {
        for (Synthesizer s : synthesizers) {
            this.synthesizers.put(s.name(), s);
        }
        this.defaultVoice = parse(defaultVoice);
        if (this.defaultVoice == null) {
            throw new IllegalArgumentException("default voice '" + defaultVoice + "' must be provider:voice with provider one of "
                    + this.synthesizers.keySet());
        }
        this.fallbackVoice = fallbackVoice == null || fallbackVoice.isBlank() ? this.defaultVoice : parse(fallbackVoice);
        if (this.fallbackVoice == null || !this.fallbackVoice.synthesizer().local()) {
            throw new IllegalArgumentException("fallback voice '" + (fallbackVoice == null ? defaultVoice : fallbackVoice)
                    + "' must be an offline voice (festival:... or espeak:...); set glyphoxa.tts.fallback-voice");
        }
        this.failures = failures;
    }

    public Voice defaultVoice() {
        return defaultVoice;
    }

    public Voice fallbackVoice() {
        return fallbackVoice;
    }

    /**
     * Speaks with the offline voices once, so a missing engine or voice fails at startup rather than on a player.
     * A remote default voice is not tried: that would bill a request per start, and its failures fall back anyway.
     */
    public void warmUp() {
        if (defaultVoice.synthesizer().local()) {
            defaultVoice.synthesizer().synthesize("Ready.", defaultVoice.name());
        }
        if (!fallbackVoice.equals(defaultVoice)) {
            fallbackVoice.synthesizer().synthesize("Ready.", fallbackVoice.name());
        }
    }

    /** Speaks cleaned text with the voice the line asks for, or with the default voice, as a whole clip. */
    public Wav.Clip synthesize(String text, String voice) {
        Voice chosen = choose(voice);
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

    /**
     * Speaks cleaned text into the line's packet stream: streamed as it is synthesised when the engine streams, and
     * by the fallback voice when a remote engine fails. Does not finish the stream.
     *
     * @throws SynthesisException when an offline engine fails (the line is then dead-lettered)
     */
    public void speak(String text, String voice, SpeechPacketizer.PacketStream out) {
        Voice chosen = choose(voice);
        if (chosen.equals(defaultVoice)) {
            speakWith(defaultVoice, text, out);
            return;
        }
        try {
            speakWith(chosen, text, out);
        } catch (UnknownVoiceException e) {
            warnOnce(voice, "is unknown (" + e.getMessage() + ")");
            speakWith(defaultVoice, text, out);
        }
    }

    private void speakWith(Voice voice, String text, SpeechPacketizer.PacketStream out) {
        Synthesizer engine = voice.synthesizer();
        if (engine.local()) {
            out.writeClip(engine.synthesize(text, voice.name()));
            return;
        }
        try {
            engine.synthesizeStreaming(text, voice.name(), out::write);
            out.endSource();
        } catch (SynthesisException e) {
            out.endSource();
            String reason = e instanceof RemoteSynthesisException r ? r.reason().label() : "error";
            failures.increment(engine.name(), reason);
            if (out.packetsSent() > 0) {
                // Players already heard the start in this voice: the line ends there, as the llm stage ends a reply
                // that breaks off, rather than starting over in another voice.
                LOG.warn("{} failed on a line ({}): {}; the line ends after the {} packets already sent", voice, reason,
                        e.getMessage(), out.packetsSent());
                return;
            }
            LOG.warn("{} failed on a line ({}): {}; {} speaks the line", voice, reason, e.getMessage(), fallbackVoice);
            out.writeClip(fallbackVoice.synthesizer().synthesize(text, fallbackVoice.name()));
        }
    }

    private Voice choose(String voice) {
        Voice chosen = parse(voice);
        if (chosen == null) {
            warnOnce(voice, "is not provider:voice with a provider of " + synthesizers.keySet());
            return defaultVoice;
        }
        return chosen;
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
