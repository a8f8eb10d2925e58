package dev.glyphoxa.gateway;

import dev.glyphoxa.stage.HealthController;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ReadinessTest extends GatewayStack {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void readyWhenDatabaseAndKafkaAreUp() {
        HttpResponse<HealthController.Health> response =
                http.toBlocking().exchange(HttpRequest.GET("/readyz"), HealthController.Health.class);

        assertThat(response.code()).isEqualTo(200);
        Map<String, String> checks = response.body().checks();
        assertThat(checks).containsKeys("database", "kafka");
        assertThat(checks.values()).allSatisfy(v -> assertThat(v).startsWith("UP"));
        // The local run and every test without a bot: Discord is off unless enabled.
        assertThat(checks).containsEntry("discord", "UP: disabled");
    }

    @Test
    void liveness() {
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/healthz")).code()).isEqualTo(200);
    }
}
