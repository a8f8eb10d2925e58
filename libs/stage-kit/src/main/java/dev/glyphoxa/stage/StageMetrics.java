package dev.glyphoxa.stage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Provides the {@link StageFailures} of this service, named after the application. */
@Factory
public class StageMetrics {

    @Singleton
    StageFailures stageFailures(@Value("${micronaut.application.name}") String stage, MeterRegistry registry) {
        return new StageFailures(stage, registry);
    }
}
