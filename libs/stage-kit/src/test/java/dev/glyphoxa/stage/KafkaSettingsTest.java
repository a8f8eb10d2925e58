package dev.glyphoxa.stage;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSettingsTest {

    @Test
    void aServiceWithoutABrokerAddressRefusesToStartAndNamesTheSetting() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("glyphoxa.kafka.session-timeout-ms", "6000"))) {
            assertThatThrownBy(() -> context.getBean(KafkaSettings.class))
                    .isInstanceOf(BeanInstantiationException.class)
                    .hasStackTraceContaining("KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void theConfiguredAddressIsUsed() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("glyphoxa.kafka.bootstrap-servers", "broker-0:9092"))) {
            assertThat(context.getBean(KafkaSettings.class).bootstrapServers()).isEqualTo("broker-0:9092");
        }
    }
}
