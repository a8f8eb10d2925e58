package dev.glyphoxa.gateway;

import dev.glyphoxa.stage.DeadLetterPublisher;
import dev.glyphoxa.stage.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

@Factory
class GatewayBeans {

    /** stage-kit's dead-letter routing for plain consumers: same record, log line and counter as the stages. */
    @Singleton
    @Bean(preDestroy = "close")
    DeadLetterPublisher deadLetterPublisher(@Value("${micronaut.application.name}") String stage, KafkaSettings kafka,
                                            MeterRegistry registry) {
        return new DeadLetterPublisher(stage, kafka.bootstrapServers(), registry);
    }
}
