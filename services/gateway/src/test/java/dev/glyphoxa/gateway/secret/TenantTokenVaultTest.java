package dev.glyphoxa.gateway.secret;

import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.gateway.tenant.TenantController.TenantView;
import dev.glyphoxa.gateway.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The tenant store with Vault Transit on (the fake Vault): sealed at rest, plaintext migrated, secrets never logged. */
@MicronautTest(transactional = false)
class TenantTokenVaultTest extends GatewayStack {

    static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.vault-guarded-bot-token";
    static final String NEW_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.second-bot-token";

    final FakeVault vault = new FakeVault();
    final LogCapture logs = new LogCapture();

    @Inject
    TenantService tenants;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("glyphoxa.vault.address", vault.address());
        properties.put("glyphoxa.vault.token", vault.token());
        return properties;
    }

    @AfterAll
    void closeVault() {
        logs.close();
        vault.close();
    }

    @Test
    void tokensAreSealedAtRestMigratedFromPlaintextAndNeverLogged() throws SQLException {
        String id = "v-" + UUID.randomUUID().toString().substring(0, 8);
        http.retrieve(HttpRequest.POST("/api/tenants", Map.of("id", id, "name", "Vaulted", "botToken", TOKEN))
                .bearerAuth(OPERATOR_KEY), String.class);

        assertThat(stored(id)).startsWith("vault:v1:").doesNotContain(TOKEN);
        assertThat(tenants.botToken(id)).contains(TOKEN);
        assertThat(http.retrieve(HttpRequest.GET("/api/tenants/" + id).bearerAuth(OPERATOR_KEY), TenantView.class)
                .botTokenEncrypted()).isTrue();

        // A token written before Vault was configured still reads, and the next write seals it.
        execute("UPDATE tenants SET bot_token = ? WHERE id = ?", NEW_TOKEN, id);
        assertThat(tenants.botToken(id)).contains(NEW_TOKEN);
        http.retrieve(HttpRequest.PATCH("/api/tenants/" + id, Map.of("name", "Vaulted, renamed")).bearerAuth(OPERATOR_KEY),
                TenantView.class);
        assertThat(stored(id)).startsWith("vault:v1:").doesNotContain(NEW_TOKEN);
        assertThat(tenants.botToken(id)).contains(NEW_TOKEN);

        assertThat(logs.texts()).noneMatch(t -> t.contains(TOKEN) || t.contains(NEW_TOKEN) || t.contains(vault.token()));
    }

    @Test
    void vaultDownIsA503AndNothingIsWritten() {
        String id = "v-" + UUID.randomUUID().toString().substring(0, 8);
        vault.seal();
        try {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> http.exchange(HttpRequest.POST("/api/tenants", Map.of("id", id, "name", "Sealed", "botToken", TOKEN))
                            .bearerAuth(OPERATOR_KEY)));
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("cannot store the bot token").doesNotContain(TOKEN);
            assertThat(count("SELECT count(*) FROM tenants WHERE id = ?", id)).isZero();
        } finally {
            vault.unseal();
        }
    }

    private String stored(String id) throws SQLException {
        try (Connection c = stack.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT bot_token FROM tenants WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
