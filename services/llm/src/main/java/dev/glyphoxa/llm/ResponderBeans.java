package dev.glyphoxa.llm;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the responders once per process from {@link LlmSettings}. */
@Factory
class ResponderBeans {

    @Singleton
    @Bean(preDestroy = "close")
    Responders responders(LlmSettings settings) {
        return Responders.from(settings);
    }
}
