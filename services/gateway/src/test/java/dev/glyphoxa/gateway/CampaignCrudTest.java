package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.CampaignView;
import dev.glyphoxa.gateway.campaign.CampaignService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON campaign routes of {@code /api/campaigns}; the YAML import on the same path is CampaignApiTest's. */
@MicronautTest(transactional = false)
class CampaignCrudTest extends GatewayStack {

    @Inject
    CampaignService campaigns;


    @Test
    void createsReadsListsChangesAndDeletesACampaign() {
        String name = "Crud " + UUID.randomUUID();
        HttpResponse<CampaignView> created = http.exchange(HttpRequest.POST("/api/campaigns",
                Map.of("name", "  " + name + " ", "gameSystem", "Pathfinder 2e")), CampaignView.class);

        assertThat(created.code()).isEqualTo(201);
        CampaignView campaign = created.body();
        assertThat(campaign.name()).isEqualTo(name);
        assertThat(campaign.narratorVoice()).isEqualTo("festival:slt");
        assertThat(campaign.active()).isTrue();
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ? AND tenant_id = 'local' AND name = ?"
                + " AND game_system = 'Pathfinder 2e' AND narrator_voice = 'festival:slt' AND active", campaign.id(), name)).isEqualTo(1);

        TestData.createNpc(http, campaign.id(), "Grimjaw");
        TestData.createEntity(http, campaign.id(), "location", "Saltmere");
        TestData.createEntity(http, campaign.id(), "item", "The Pearl");
        CampaignView read = http.retrieve(HttpRequest.GET("/api/campaigns/" + campaign.id()), CampaignView.class);
        assertThat(read.npcs()).isEqualTo(1);
        assertThat(read.entities()).isEqualTo(2);
        List<CampaignView> listed = Arrays.asList(http.retrieve(HttpRequest.GET("/api/campaigns"), CampaignView[].class));
        assertThat(listed).filteredOn(c -> c.id().equals(campaign.id())).singleElement()
                .satisfies(c -> assertThat(c.npcs()).isEqualTo(1));
        assertThat(campaigns.findByName("local", name.toUpperCase())).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(campaign.id()));

        CampaignView changed = http.retrieve(HttpRequest.PATCH("/api/campaigns/" + campaign.id(),
                Map.of("narratorVoice", "espeak:en+m3", "active", false)), CampaignView.class);
        assertThat(changed.name()).isEqualTo(name);
        assertThat(changed.narratorVoice()).isEqualTo("espeak:en+m3");
        assertThat(changed.active()).isFalse();
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ? AND name = ? AND game_system = 'Pathfinder 2e'"
                + " AND narrator_voice = 'espeak:en+m3' AND NOT active", campaign.id(), name)).isEqualTo(1);

        assertThat(http.exchange(HttpRequest.DELETE("/api/campaigns/" + campaign.id())).code()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ?", campaign.id())).isZero();
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ?", campaign.id())).isZero();
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isZero();
        assertThat(TestData.status(http, HttpRequest.GET("/api/campaigns/" + campaign.id()))).isEqualTo(404);
    }

    @Test
    void invalidCampaignsAreRefusedNamingEachField() {
        String name = "Refused " + UUID.randomUUID();
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", Map.of("narratorVoice", "google:en-US"))));
        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field)
                .containsExactlyInAnyOrder("name", "gameSystem", "narratorVoice");
        assertThat(TestData.error(e).message()).contains("festival", "espeak");

        assertThat(refused(Map.of("name", " ", "gameSystem", "x"))).isEqualTo("name");
        assertThat(refused(Map.of("name", "x".repeat(121), "gameSystem", "x"))).isEqualTo("name");
        assertThat(refused(Map.of("name", name, "gameSystem", 5))).isEqualTo("gameSystem");
        assertThat(refused(Map.of("name", name, "gameSystem", "x", "narratorVoice", "slt"))).isEqualTo("narratorVoice");
        assertThat(refused(Map.of("name", name, "gameSystem", "x", "narator_voice", "festival:slt"))).isEqualTo("narator_voice");
        HttpClientResponseException notJson = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", "{\"name\": ").contentType("application/json")));
        assertThat(notJson.code()).isEqualTo(400);
        assertThat(TestData.error(notJson).message()).startsWith("the body is not JSON");
        assertThat(TestData.status(http, HttpRequest.POST("/api/campaigns", "[1, 2]").contentType("application/json"))).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM campaigns WHERE name = ?", name)).isZero();

        CampaignView campaign = TestData.createCampaign(http, "Patched");
        assertThat(TestData.refusedField(http, HttpRequest.PATCH("/api/campaigns/" + campaign.id(), Map.of("active", "no"))))
                .isEqualTo("active");
        assertThat(TestData.refusedField(http, HttpRequest.PATCH("/api/campaigns/" + campaign.id(), Map.of("name", ""))))
                .isEqualTo("name");
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ? AND name = ? AND active", campaign.id(), campaign.name()))
                .isEqualTo(1);
    }

    @Test
    void aCampaignWithSessionsIsNotDeleted() throws Exception {
        CampaignView campaign = TestData.createCampaign(http, "Played");
        TestData.createNpc(http, campaign.id(), "Elara");
        TestData.endedSession(this, "local", campaign.id());

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.DELETE("/api/campaigns/" + campaign.id())));

        assertThat(e.code()).isEqualTo(409);
        assertThat(TestData.error(e).message()).contains(campaign.name(), "has sessions", "deactivate");
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ?", campaign.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ?", campaign.id())).isEqualTo(1);
    }

    @Test
    void malformedAndUnknownIdsAreTheSameNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-campaign", "1-1-1-1-1")) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> http.exchange(HttpRequest.GET("/api/campaigns/" + id)));
            assertThat(e.code()).isEqualTo(404);
            assertThat(TestData.error(e).message()).isEqualTo("no such campaign");
        }
        assertThat(TestData.status(http, HttpRequest.PATCH("/api/campaigns/nope", Map.of("active", true)))).isEqualTo(404);
        assertThat(TestData.status(http, HttpRequest.DELETE("/api/campaigns/" + UUID.randomUUID()))).isEqualTo(404);
    }

    private String refused(Map<String, Object> body) {
        return TestData.refusedField(http, HttpRequest.POST("/api/campaigns", body));
    }
}
