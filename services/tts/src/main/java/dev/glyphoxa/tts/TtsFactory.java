package dev.glyphoxa.tts;

import dev.glyphoxa.tts.provider.MissingProvider;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.elevenlabs.ElevenLabsSynthesizer;
import dev.glyphoxa.tts.provider.espeak.EspeakSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** The speech engines and the voice router, built from {@link TtsSettings} and {@link ElevenLabsSettings}. */
@Factory
public class TtsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TtsFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    FestivalSynthesizer festival(TtsSettings settings) {
        return new FestivalSynthesizer(settings.festival());
    }

    @Singleton
    @Bean(preDestroy = "close")
    EspeakSynthesizer espeak(TtsSettings settings) {
        return new EspeakSynthesizer(settings.espeak());
    }

    /** ElevenLabs when a key is configured; otherwise a stand-in that says how to configure it. */
    @Singleton
    @Named(ElevenLabsSynthesizer.NAME)
    @Bean(preDestroy = "close")
    Synthesizer elevenLabs(ElevenLabsSettings elevenLabs, TtsSettings settings) {
        Optional<String> key = elevenLabs.resolveApiKey();
        if (key.isEmpty()) {
            LOG.info("ElevenLabs not configured (no API key): elevenlabs:* voices use the default voice");
            return new MissingProvider(ElevenLabsSynthesizer.NAME, ElevenLabsSettings.HOW_TO_CONFIGURE);
        }
        ElevenLabsSynthesizer synthesizer = new ElevenLabsSynthesizer(elevenLabs.config(key.get(), settings.synthesisTimeout()));
        LOG.info("ElevenLabs voices enabled: {}", synthesizer);
        return synthesizer;
    }

    @Singleton
    ProviderFailures providerFailures(MeterRegistry registry) {
        return new ProviderFailures(registry);
    }

    /** Warms the offline voices up: a missing engine stops the service at startup with one clear line. */
    @Singleton
    VoiceRouter voiceRouter(TtsSettings settings, FestivalSynthesizer festival, EspeakSynthesizer espeak,
                            @Named(ElevenLabsSynthesizer.NAME) Synthesizer elevenLabs, ProviderFailures failures) {
        VoiceRouter router = new VoiceRouter(List.of(festival, espeak, elevenLabs), settings.defaultVoice(),
                settings.fallbackVoice(), failures);
        try {
            router.warmUp();
        } catch (RuntimeException e) {
            LOG.error("default voice {} or fallback voice {} is unusable: {}", router.defaultVoice(),
                    router.fallbackVoice(), e.getMessage());
            throw e;
        }
        LOG.info("default voice {}, fallback voice {}; offline voices warmed up", router.defaultVoice(), router.fallbackVoice());
        return router;
    }
}
