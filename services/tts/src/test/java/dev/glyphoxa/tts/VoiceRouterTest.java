package dev.glyphoxa.tts;

import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.MissingProvider;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing only: fake engines that record which voice they were asked for. */
class VoiceRouterTest {

    static class Fake implements Synthesizer {
        final String name;
        final Set<String> voices;
        final List<String> asked = new ArrayList<>();

        Fake(String name, String... voices) {
            this.name = name;
            this.voices = Set.of(voices);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Wav.Clip synthesize(String text, String voice) {
            if (!voices.contains(voice)) {
                throw new UnknownVoiceException(name + " has no " + voice);
            }
            asked.add(voice);
            return new Wav.Clip(new short[]{1}, 16_000);
        }

        @Override
        public void close() {
        }
    }

    private final Fake festival = new Fake("festival", "slt", "slt-deep");
    private final Fake espeak = new Fake("espeak", "en+m3");
    private final VoiceRouter router = new VoiceRouter(List.of(festival, espeak), "festival:slt");

    @Test
    void providerPrefixSelectsEngineAndVoice() {
        router.synthesize("hi", "festival:slt-deep");
        router.synthesize("hi", "espeak:en+m3");
        assertThat(festival.asked).containsExactly("slt-deep");
        assertThat(espeak.asked).containsExactly("en+m3");
    }

    @Test
    void bareUnknownOrMissingVoicesFallBackToTheDefault() {
        for (String voice : new String[]{"slt", "en+m3", "polly:Joanna", "espeak:xx+nobody", "festival:", "", null}) {
            router.synthesize("hi", voice);
        }
        assertThat(festival.asked).containsExactly("slt", "slt", "slt", "slt", "slt", "slt", "slt");
        assertThat(espeak.asked).isEmpty();
    }

    @Test
    void defaultVoiceMustNameAnEngine() {
        assertThatThrownBy(() -> new VoiceRouter(List.of(festival), "slt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceRouter(List.of(festival), "espeak:en")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VoiceRouter(List.of(festival, espeak), "espeak:en+m3").defaultVoice()).hasToString("espeak:en+m3");
    }

    @Test
    void fallbackVoiceMustBeOffline() {
        Fake cloud = new Fake("cloud", "v1") {
            @Override
            public boolean local() {
                return false;
            }
        };
        ProviderFailures failures = ProviderFailures.unregistered();
        assertThatThrownBy(() -> new VoiceRouter(List.of(festival, cloud), "cloud:v1", null, failures))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("glyphoxa.tts.fallback-voice");
        assertThatThrownBy(() -> new VoiceRouter(List.of(festival, cloud), "festival:slt", "cloud:v1", failures))
                .isInstanceOf(IllegalArgumentException.class);
        VoiceRouter cloudFirst = new VoiceRouter(List.of(festival, cloud), "cloud:v1", "festival:slt-deep", failures);
        assertThat(cloudFirst.fallbackVoice()).hasToString("festival:slt-deep");
        assertThat(router.fallbackVoice()).isEqualTo(router.defaultVoice());
    }

    @Test
    void anUnconfiguredProviderSaysHowToConfigureItAndTheDefaultSpeaks() {
        VoiceRouter withMissing = new VoiceRouter(List.of(festival, new MissingProvider("elevenlabs", "set THE_KEY")), "festival:slt");
        assertThat(withMissing.synthesize("hi", "elevenlabs:abc").samples()).hasSize(1);
        assertThat(festival.asked).containsExactly("slt");
    }
}
