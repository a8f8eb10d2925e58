package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.testsupport.LogCapture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The internal token route with Vault Transit on (the fake Vault): the sealed token is opened for the
 * voice-bridge, and Vault down is a 503 as for every other token read. In this package for {@link FakeVault}.
 */
@MicronautTest(transactional = false)
class InternalBotTokenVaultTest extends GatewayStack {

    static final String INTERNAL_KEY = "gxk_test-internal-vault-key";
    static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.sealed-for-the-voice-bridge";

    final FakeVault vault = new FakeVault();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("glyphoxa.vault.address", vault.address());
        properties.put("glyphoxa.vault.token", vault.token());
        properties.put("glyphoxa.gateway.internal-key", INTERNAL_KEY);
        return properties;
    }

    @AfterAll
    void closeVault() {
        vault.close();
    }

    @Test
    void theSealedTokenIsOpenedAndVaultDownIsA503() {
        try (LogCapture logs = new LogCapture()) {
            String id = "iv-" + UUID.randomUUID().toString().substring(0, 8);
            http.retrieve(HttpRequest.POST("/api/tenants", Map.of("id", id, "name", "Vaulted", "botToken", TOKEN))
                    .bearerAuth(OPERATOR_KEY), String.class);
            assertThat(strings("SELECT bot_token FROM tenants WHERE id = ?", id)).singleElement().asString().startsWith("vault:v1:");

            var request = HttpRequest.GET("/internal/tenants/" + id + "/bot-token").bearerAuth(INTERNAL_KEY);
            assertThat(http.retrieve(request, String.class)).isEqualTo("{\"token\":\"" + TOKEN + "\"}");

            vault.seal();
            try {
                HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                        () -> http.exchange(request, String.class));
                assertThat(e.code()).isEqualTo(503);
                assertThat(e.getResponse().getBody(String.class).orElse("")).contains("cannot read the bot token")
                        .doesNotContain(TOKEN);
            } finally {
                vault.unseal();
            }
            assertThat(logs.texts()).noneMatch(t -> t.contains(TOKEN) || t.contains(INTERNAL_KEY) || t.contains(vault.token()));
        }
    }
}
