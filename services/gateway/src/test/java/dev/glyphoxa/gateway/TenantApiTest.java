package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.tenant.TenantController.TenantView;
import dev.glyphoxa.gateway.tenant.TenantController.TenantWithKey;
import dev.glyphoxa.gateway.tenant.TenantService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The operator's tenant API: keys shown once, secrets never shown, every bad field named. */
@MicronautTest(transactional = false)
class TenantApiTest extends GatewayStack {

    static final String BOT_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.bot-token-that-must-never-show";

    @Inject
    TenantService service;


    @Test
    void createdTenantGetsAKeyOnceAndItsTokenIsNeverShown() {
        String id = newId();
        String guild = snowflake();
        HttpRequest<?> create = operator(HttpRequest.POST("/api/tenants", Map.of("id", id, "name", "The Saturday Table",
                "licenseTier", "pro", "guildIds", List.of(guild), "gmRoleId", "123456789", "botToken", BOT_TOKEN)));

        String body = http.retrieve(create, String.class);
        assertThat(body).doesNotContain(BOT_TOKEN).contains("\"apiKey\":\"gxk_");
        String apiKey = body.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");

        TenantView self = http.retrieve(HttpRequest.GET("/api/tenant").bearerAuth(apiKey), TenantView.class);
        assertThat(self.id()).isEqualTo(id);
        assertThat(self.licenseTier()).isEqualTo("pro");
        assertThat(self.monthlySessionHours()).isEqualTo(100);
        assertThat(self.guildIds()).containsExactly(guild);
        assertThat(self.botTokenSet()).isTrue();
        assertThat(service.botToken(id)).contains(BOT_TOKEN);
        for (String route : List.of("/api/tenants", "/api/tenants/" + id)) {
            assertThat(http.retrieve(operator(HttpRequest.GET(route)), String.class)).doesNotContain(BOT_TOKEN, apiKey);
        }
        assertThat(http.retrieve(HttpRequest.GET("/api/tenant").bearerAuth(apiKey), String.class)).doesNotContain(BOT_TOKEN);
        assertThat(count("SELECT count(*) FROM tenants WHERE id = ? AND api_key_hash IS NOT NULL AND api_key_hash <> ?", id, apiKey))
                .isEqualTo(1);
    }

    @Test
    void rotatingTheKeyRetiresTheOldOne() {
        String id = newId();
        String first = createTenant(id).apiKey();

        TenantWithKey rotated = http.retrieve(operator(HttpRequest.POST("/api/tenants/" + id + "/api-key", "{}")), TenantWithKey.class);

        assertThat(rotated.apiKey()).isNotEqualTo(first);
        assertThat(status(http, HttpRequest.GET("/api/tenant").bearerAuth(first))).isEqualTo(401);
        assertThat(status(http, HttpRequest.GET("/api/tenant").bearerAuth(rotated.apiKey()))).isEqualTo(200);
    }

    @Test
    void updatesChangeOnlyWhatIsGivenAndGuildsCannotBeShared() {
        String a = newId();
        String b = newId();
        String guild = snowflake();
        createTenant(a, Map.of("guildIds", List.of(guild)));
        createTenant(b);

        TenantView changed = http.retrieve(operator(HttpRequest.PATCH("/api/tenants/" + a,
                Map.of("licenseTier", "enterprise", "monthlySessionHours", -1))), TenantView.class);
        assertThat(changed.licenseTier()).isEqualTo("enterprise");
        assertThat(changed.monthlySessionHours()).isNull();
        assertThat(changed.name()).isEqualTo("Tenant " + a);
        assertThat(changed.guildIds()).containsExactly(guild);

        HttpClientResponseException taken = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(operator(HttpRequest.PATCH("/api/tenants/" + b, Map.of("guildIds", List.of(guild))))));
        assertThat(taken.code()).isEqualTo(409);
        assertThat(TestData.error(taken).message()).contains("already registered to another tenant").doesNotContain(a);
        assertThat(count("SELECT count(*) FROM tenant_guilds WHERE guild_id = ? AND tenant_id = ?", guild, a)).isEqualTo(1);
    }

    @Test
    void badRequestsNameEveryField() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(operator(HttpRequest.POST("/api/tenants", Map.of("id", "Not Valid!", "licenseTier", "gold",
                        "guildIds", List.of("12ab"), "gmRoleId", "role", "monthlySessionHours", -5, "botToken", "two words")))));

        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field)
                .containsExactlyInAnyOrder("id", "name", "licenseTier", "guildIds[0]", "gmRoleId", "monthlySessionHours", "botToken");
        assertThat(TestData.error(e).message()).doesNotContain("two words");
        String id = newId();
        createTenant(id);
        HttpClientResponseException twice = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(operator(HttpRequest.POST("/api/tenants", Map.of("id", id, "name", "again")))));
        assertThat(twice.code()).isEqualTo(409);
        assertThat(status(http, operator(HttpRequest.GET("/api/tenants/no-such-tenant")))).isEqualTo(404);
    }

    @Test
    void onlyTheOperatorKeyOpensTheTenantApi() {
        assertThat(status(http, HttpRequest.GET("/api/tenants").header("Authorization", LocalKeyClientFilter.NONE))).isEqualTo(401);
        assertThat(status(http, HttpRequest.GET("/api/tenants").bearerAuth("gxk_wrong"))).isEqualTo(401);
        // a tenant's own key is not the operator key
        assertThat(status(http, HttpRequest.GET("/api/tenants"))).isEqualTo(401);
        assertThat(status(http, operator(HttpRequest.GET("/api/tenants")))).isEqualTo(200);
        // and the operator key is no tenant key
        assertThat(status(http, operator(HttpRequest.GET("/api/campaigns")))).isEqualTo(401);
    }

    private TenantWithKey createTenant(String id) {
        return createTenant(id, Map.of());
    }

    private TenantWithKey createTenant(String id, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "Tenant " + id));
        body.putAll(extra);
        return http.retrieve(operator(HttpRequest.POST("/api/tenants", body)), TenantWithKey.class);
    }

    private static <T> MutableHttpRequest<T> operator(MutableHttpRequest<T> request) {
        return request.bearerAuth(OPERATOR_KEY);
    }

    private static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String snowflake() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
    }
}
