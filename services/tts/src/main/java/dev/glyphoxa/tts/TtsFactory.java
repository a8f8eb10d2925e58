package dev.glyphoxa.tts;

import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.espeak.EspeakSynthesizer;
import dev.glyphoxa.tts.provider.festival.FestivalSynthesizer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** The speech engines and the voice router, built from {@link TtsSettings}. */
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

    /** Warms the default voice up: a missing engine stops the service at startup with one clear line. */
    @Singleton
    VoiceRouter voiceRouter(TtsSettings settings, FestivalSynthesizer festival, EspeakSynthesizer espeak) {
        VoiceRouter router = new VoiceRouter(List.of(festival, espeak), settings.defaultVoice());
        try {
            router.warmUp();
        } catch (SynthesisException e) {
            LOG.error("default voice {} is unusable: {}", router.defaultVoice(), e.getMessage());
            throw e;
        }
        LOG.info("default voice {} ready", router.defaultVoice());
        return router;
    }
}
