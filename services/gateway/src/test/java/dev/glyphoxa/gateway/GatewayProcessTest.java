package dev.glyphoxa.gateway;

import dev.glyphoxa.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in its own JVM, launched from its recorded runtime classpath with the settings the local stack
 * passes: proves the packaged service (not just the test classpath) starts, migrates and answers.
 */
class GatewayProcessTest extends GatewayStack {

    @Test
    void startsInItsOwnJvmAndImportsACampaign() throws Exception {
        Map<String, String> properties = Map.of(
                "glyphoxa.kafka.bootstrap-servers", stack.bootstrapServers(),
                "datasources.default.url", stack.database().jdbcUrl(),
                "datasources.default.username", stack.database().user(),
                "datasources.default.password", stack.database().password());
        try (ServiceProcess gateway = ServiceProcess.start("gateway", Application.class.getName(),
                stack.workDir().resolve("logs"), properties, Map.of("GLYPHOXA_LOCAL_TENANT_KEY", GatewayStack.LOCAL_KEY), "256m")) {
            gateway.awaitReady(Duration.ofSeconds(120));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.uri("/api/campaigns"))
                    .header("Content-Type", "application/yaml")
                    .header("Authorization", "Bearer " + GatewayStack.LOCAL_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(TestData.exampleYaml())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.body()).contains("\"npcs\":2", "\"entities\":7");
        }
    }
}
