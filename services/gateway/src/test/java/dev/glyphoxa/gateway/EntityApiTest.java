package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.CampaignView;
import dev.glyphoxa.gateway.entity.EntityController.EntityView;
import dev.glyphoxa.gateway.entity.EntityService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class EntityApiTest extends GatewayStack {

    @Inject
    EntityService entities;


    @Test
    void createsReadsListsChangesAndDeletesAnEntity() {
        CampaignView campaign = TestData.createCampaign(http, "Entities");
        String path = "/api/campaigns/" + campaign.id() + "/entities";
        HttpResponse<EntityView> created = http.exchange(HttpRequest.POST(path, Map.of("type", "Item",
                "name", "The Tidecaller Pearl", "description", "A black pearl.", "tags", List.of("artifact", "pearl"))), EntityView.class);

        assertThat(created.code()).isEqualTo(201);
        EntityView pearl = created.body();
        assertThat(pearl.type()).isEqualTo("item");
        assertThat(count("SELECT count(*) FROM entities WHERE id = ? AND tenant_id = 'local' AND campaign_id = ? AND type = 'item'"
                + " AND name = 'The Tidecaller Pearl' AND description = 'A black pearl.' AND tags = ARRAY['artifact', 'pearl']",
                pearl.id(), campaign.id())).isEqualTo(1);
        EntityView town = TestData.createEntity(http, campaign.id(), "location", "Saltmere");
        EntityView mine = TestData.createEntity(http, campaign.id(), "location", "Sunken Mine");

        assertThat(http.retrieve(HttpRequest.GET(path), EntityView[].class)).extracting(EntityView::name)
                .containsExactly("Saltmere", "Sunken Mine", "The Tidecaller Pearl");
        assertThat(http.retrieve(HttpRequest.GET(path + "?type=location"), EntityView[].class)).extracting(EntityView::id)
                .containsExactly(town.id(), mine.id());
        assertThat(http.retrieve(HttpRequest.GET(path + "/" + pearl.id()), EntityView.class)).isEqualTo(pearl);
        assertThat(entities.findByName("local", campaign.id(), "the tidecaller PEARL").id()).isEqualTo(pearl.id());

        EntityView changed = http.retrieve(HttpRequest.PATCH(path + "/" + pearl.id(),
                Map.of("type", "lore", "tags", List.of())), EntityView.class);
        assertThat(changed.description()).isEqualTo("A black pearl.");
        assertThat(count("SELECT count(*) FROM entities WHERE id = ? AND type = 'lore' AND tags = '{}'"
                + " AND name = 'The Tidecaller Pearl'", pearl.id())).isEqualTo(1);

        assertThat(http.exchange(HttpRequest.DELETE(path + "/" + pearl.id())).code()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM entities WHERE id = ?", pearl.id())).isZero();
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(2);
    }

    @Test
    void anUnknownTypeFilterIsRefusedListingTheTypes() {
        CampaignView campaign = TestData.createCampaign(http, "Filter");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.GET("/api/campaigns/" + campaign.id() + "/entities?type=dragon")));

        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).field()).isEqualTo("type");
        assertThat(TestData.error(e).message()).contains("'dragon'", "npc, location, item, faction, quest, lore");
    }

    @Test
    void invalidEntitiesAreRefusedNamingEachField() {
        CampaignView campaign = TestData.createCampaign(http, "Invalid entities");
        String path = "/api/campaigns/" + campaign.id() + "/entities";

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST(path, Map.of("type", "dragon", "tags", List.of(true)))));
        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field).containsExactly("tags[0]");
        e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST(path, Map.of("type", "dragon"))));
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field)
                .containsExactlyInAnyOrder("type", "name", "description");

        assertThat(TestData.refusedField(http, HttpRequest.POST(path, Map.of("name", "X", "description", "Y")))).isEqualTo("type");
        assertThat(TestData.refusedField(http, HttpRequest.POST(path,
                Map.of("type", "lore", "name", "X", "description", "d".repeat(4001))))).isEqualTo("description");
        assertThat(TestData.refusedField(http, HttpRequest.POST(path,
                Map.of("type", "lore", "name", List.of("X"), "description", "Y")))).isEqualTo("name");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isZero();
    }

    @Test
    void duplicateNamesInACampaignConflict() {
        CampaignView campaign = TestData.createCampaign(http, "Duplicate entities");
        String path = "/api/campaigns/" + campaign.id() + "/entities";
        TestData.createEntity(http, campaign.id(), "location", "Saltmere");
        EntityView mine = TestData.createEntity(http, campaign.id(), "location", "Sunken Mine");

        for (HttpRequest<?> request : List.of(
                HttpRequest.POST(path, Map.of("type", "lore", "name", "SALTMERE", "description", "again")),
                HttpRequest.PATCH(path + "/" + mine.id(), Map.of("name", "saltmere")))) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.exchange(request));
            assertThat(e.code()).isEqualTo(409);
            assertThat(TestData.error(e).message()).containsIgnoringCase("'saltmere'").contains("already exists");
        }
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM entities WHERE id = ? AND name = 'Sunken Mine'", mine.id())).isEqualTo(1);
    }
}
