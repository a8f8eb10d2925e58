package dev.glyphoxa.stt;

import dev.glyphoxa.stt.provider.RecognizerFactory;
import dev.glyphoxa.stt.provider.pocketsphinx.PocketSphinxEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the offline default providers: PocketSphinx for recognition, Festival for name pronunciations. */
@Factory
public class SttBeans {

    @Singleton
    RecognizerFactory recognizerFactory(SttSettings settings) {
        return new PocketSphinxEngine(settings.pocketSphinx());
    }

    @Singleton
    NamePronouncer namePronouncer(SttSettings settings) {
        FestivalPronouncer festival = new FestivalPronouncer(settings.festival(), settings.festivalTimeoutMs());
        festival.verify();
        return festival;
    }

    @Singleton
    @Bean(preDestroy = "close")
    RecognizerPool recognizerPool(RecognizerFactory factory, SttSettings settings) {
        RecognizerPool pool = new RecognizerPool(factory, settings.idleDecoders());
        pool.warmUp(settings.warmDecoders());
        return pool;
    }

    @Singleton
    Transcriber transcriber(RecognizerPool pool, MeterRegistry registry) {
        Transcriber transcriber = new Transcriber(pool);
        FunctionCounter.builder("glyphoxa.stt.utterances", transcriber, Transcriber::liveResults).tag("decoded", "live")
                .description("utterances transcribed, by where the text came from").register(registry);
        FunctionCounter.builder("glyphoxa.stt.utterances", transcriber, Transcriber::storedAudioResults).tag("decoded", "stored-audio")
                .description("utterances transcribed, by where the text came from").register(registry);
        Gauge.builder("glyphoxa.stt.decoders", pool, RecognizerPool::inUse).tag("state", "in-use").register(registry);
        Gauge.builder("glyphoxa.stt.decoders", pool, RecognizerPool::idle).tag("state", "idle").register(registry);
        return transcriber;
    }

    @Singleton
    CampaignVocabulary campaignVocabulary(NamePronouncer pronouncer, RecognizerFactory factory) {
        return new CampaignVocabulary(pronouncer, factory::knowsWord, factory.phones());
    }
}
