package dev.glyphoxa.gateway.internal;

import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.gateway.tenant.TenantController.TenantWithKey;
import dev.glyphoxa.testsupport.LogCapture;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The voice-bridge's token route on the real PostgreSQL: only the internal key opens it, and the token is never logged. */
@MicronautTest(transactional = false)
class BotTokenRouteTest extends GatewayStack {

    static final String INTERNAL_KEY = "gxk_test-internal-service-key";
    static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.internal-route-bot-token";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("glyphoxa.gateway.internal-key", INTERNAL_KEY);
        return properties;
    }

    @Test
    void theInternalKeyReadsTheTenantsTokenAndNothingIsLogged() {
        try (LogCapture logs = new LogCapture()) {
            String id = tenant(TOKEN).tenant().id();

            BotTokenController.BotToken answer = http.retrieve(get(id).bearerAuth(INTERNAL_KEY), BotTokenController.BotToken.class);

            assertThat(answer.token()).isEqualTo(TOKEN);
            assertThat(logs.texts()).anyMatch(t -> t.contains("tenant '" + id + "': bot token handed to an internal service"))
                    .noneMatch(t -> t.contains(TOKEN) || t.contains(INTERNAL_KEY));
        }
    }

    @Test
    void noKeyAWrongKeyATenantKeyAndTheOperatorKeyAreRefused() {
        TenantWithKey created = tenant(TOKEN);
        String id = created.tenant().id();

        assertThat(refusal(get(id))).satisfies(e -> {
            assertThat(e.code()).isEqualTo(401);
            assertThat(body(e)).contains("internal service key").doesNotContain(TOKEN);
        });
        assertThat(refusal(get(id).bearerAuth(INTERNAL_KEY + "x")).code()).isEqualTo(401);
        assertThat(refusal(get(id).bearerAuth(created.apiKey())).code()).isEqualTo(401);
        assertThat(refusal(get(id).bearerAuth(OPERATOR_KEY)).code()).isEqualTo(401);
        assertThat(refusal(get(id).bearerAuth(LOCAL_KEY)).code()).isEqualTo(401);
        assertThat(refusal(get(id).header(HttpHeaders.AUTHORIZATION, "Basic " + INTERNAL_KEY)).code()).isEqualTo(401);
    }

    @Test
    void anUnknownTenantOrOneWithoutATokenIs404() {
        HttpClientResponseException unknown = refusal(get("no-such-tenant").bearerAuth(INTERNAL_KEY));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(body(unknown)).contains("no tenant 'no-such-tenant'");

        String without = tenant(null).tenant().id();
        HttpClientResponseException none = refusal(get(without).bearerAuth(INTERNAL_KEY));
        assertThat(none.code()).isEqualTo(404);
        assertThat(body(none)).contains("has no bot token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRouteIsNotInTheOpenApiDocument() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/swagger/glyphoxa-admin-api-0.1.yml")) {
            assertThat(in).isNotNull();
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            assertThat(((Map<String, Object>) document.get("paths")).keySet()).isNotEmpty().noneMatch(p -> p.startsWith("/internal"));
        }
    }

    private TenantWithKey tenant(String token) {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "Internal " + id));
        if (token != null) {
            body.put("botToken", token);
        }
        return http.retrieve(HttpRequest.POST("/api/tenants", body).bearerAuth(OPERATOR_KEY), TenantWithKey.class);
    }

    static MutableHttpRequest<?> get(String tenantId) {
        return HttpRequest.GET("/internal/tenants/" + tenantId + "/bot-token");
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> http.exchange(request, String.class));
    }

    static String body(HttpClientResponseException e) {
        return e.getResponse().getBody(String.class).orElse("");
    }
}
