package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.MissingSpeechDependencyException;
import dev.glyphoxa.stt.provider.RecognizerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Wires the configured recogniser ({@link SttEngines}: PocketSphinx by default, or a cloud provider with PocketSphinx
 * standing in for its failures) and Festival for the pronunciations of campaign names.
 */
@Factory
public class SttBeans {

    private static final Logger LOG = LoggerFactory.getLogger(SttBeans.class);

    @Singleton
    @Bean(preDestroy = "close")
    SttEngines engines(SttSettings settings, SttProviderSettings providers) {
        return SttEngines.from(settings, providers);
    }

    /** Festival is required for the offline default; beside a cloud provider it only serves the fallback. */
    @Singleton
    NamePronouncer namePronouncer(SttSettings settings, SttEngines engines) {
        FestivalPronouncer festival = new FestivalPronouncer(settings.festival(), settings.festivalTimeoutMs());
        if (engines.fallback() == null && engines.offline() != null) {
            festival.verify();
            return festival;
        }
        if (engines.offline() == null) {
            return words -> Map.of();
        }
        try {
            festival.verify();
            return festival;
        } catch (MissingSpeechDependencyException e) {
            LOG.warn("the offline fallback will not know the campaign's names: {}", e.getMessage());
            return words -> Map.of();
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    RecognizerPool recognizerPool(SttEngines engines, SttSettings settings) {
        RecognizerPool pool = new RecognizerPool(engines.primary(), settings.idleDecoders());
        pool.warmUp(engines.primary() == engines.offline() ? settings.warmDecoders() : 0);
        return pool;
    }

    /** The fallback's decoders are made when first needed: a healthy cloud provider never needs them. */
    @Singleton
    @Bean(preDestroy = "close")
    ProviderFallback providerFallback(SttEngines engines, SttSettings settings, MeterRegistry registry) {
        RecognizerPool offline = engines.fallback() == null ? null : new RecognizerPool(engines.fallback(), settings.idleDecoders());
        return new ProviderFallback(engines.primary().provider(), offline, registry);
    }

    @Singleton
    Transcriber transcriber(RecognizerPool pool, ProviderFallback fallback, MeterRegistry registry) {
        Transcriber transcriber = new Transcriber(pool, fallback);
        FunctionCounter.builder("glyphoxa.stt.utterances", transcriber, Transcriber::liveResults).tag("decoded", "live")
                .description("utterances transcribed, by where the text came from").register(registry);
        FunctionCounter.builder("glyphoxa.stt.utterances", transcriber, Transcriber::storedAudioResults).tag("decoded", "stored-audio")
                .description("utterances transcribed, by where the text came from").register(registry);
        FunctionCounter.builder("glyphoxa.stt.utterances", fallback, ProviderFallback::recovered).tag("decoded", "offline-fallback")
                .description("utterances transcribed, by where the text came from").register(registry);
        Gauge.builder("glyphoxa.stt.decoders", pool, RecognizerPool::inUse).tag("state", "in-use").register(registry);
        Gauge.builder("glyphoxa.stt.decoders", pool, RecognizerPool::idle).tag("state", "idle").register(registry);
        return transcriber;
    }

    /** The offline engine's dictionary decides which words need pronouncing; without one, none do. */
    @Singleton
    CampaignVocabulary campaignVocabulary(NamePronouncer pronouncer, SttEngines engines) {
        RecognizerFactory dictionary = engines.offline();
        return dictionary == null ? new CampaignVocabulary(pronouncer, word -> true, Set.of())
                : new CampaignVocabulary(pronouncer, dictionary::knowsWord, dictionary.phones());
    }
}
