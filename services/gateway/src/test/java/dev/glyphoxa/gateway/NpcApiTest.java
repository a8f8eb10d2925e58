package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.CampaignView;
import dev.glyphoxa.gateway.npc.NpcController.NpcView;
import dev.glyphoxa.gateway.npc.NpcService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class NpcApiTest extends GatewayStack {

    @Inject
    NpcService npcs;


    @Test
    void createsReadsListsChangesAndDeletesAnNpc() {
        CampaignView campaign = TestData.createCampaign(http, "Npcs");
        String path = "/api/campaigns/" + campaign.id() + "/npcs";
        HttpResponse<NpcView> created = http.exchange(HttpRequest.POST(path, Map.of("name", "Grimjaw",
                "persona", "A gruff dwarf blacksmith.", "voice", "espeak:en+m3", "aliases", List.of("the blacksmith", "the dwarf"),
                "knowledgeScope", List.of("mine"))), NpcView.class);

        assertThat(created.code()).isEqualTo(201);
        NpcView grimjaw = created.body();
        assertThat(grimjaw.muted()).isFalse();
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND tenant_id = 'local' AND campaign_id = ? AND name = 'Grimjaw'"
                + " AND persona = 'A gruff dwarf blacksmith.' AND voice = 'espeak:en+m3' AND NOT muted"
                + " AND aliases = ARRAY['the blacksmith', 'the dwarf'] AND knowledge_scope = ARRAY['mine']",
                grimjaw.id(), campaign.id())).isEqualTo(1);
        NpcView elara = TestData.createNpc(http, campaign.id(), "Elara");

        assertThat(http.retrieve(HttpRequest.GET(path), NpcView[].class)).extracting(NpcView::name).containsExactly("Elara", "Grimjaw");
        assertThat(http.retrieve(HttpRequest.GET(path + "/" + grimjaw.id()), NpcView.class)).isEqualTo(grimjaw);
        // What the Discord commands call: a player may use an alias, in any case.
        assertThat(npcs.findByName("local", campaign.id(), " THE DWARF ").id()).isEqualTo(grimjaw.id());
        assertThat(npcs.findByName("local", campaign.id(), "elara").id()).isEqualTo(elara.id());
        assertThatThrownBy(() -> npcs.findByName("local", campaign.id(), "Tomas")).hasMessageContaining("no NPC called 'Tomas'");

        NpcView changed = http.retrieve(HttpRequest.PATCH(path + "/" + grimjaw.id(),
                Map.of("muted", true, "aliases", List.of("old iron"))), NpcView.class);
        assertThat(changed.muted()).isTrue();
        assertThat(changed.persona()).isEqualTo("A gruff dwarf blacksmith.");
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND muted AND aliases = ARRAY['old iron']"
                + " AND voice = 'espeak:en+m3' AND knowledge_scope = ARRAY['mine']", grimjaw.id())).isEqualTo(1);

        assertThat(http.exchange(HttpRequest.DELETE(path + "/" + grimjaw.id())).code()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ?", grimjaw.id())).isZero();
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ?", elara.id())).isEqualTo(1);
        assertThat(TestData.status(http, HttpRequest.GET(path + "/" + grimjaw.id()))).isEqualTo(404);
    }

    @Test
    void invalidNpcsAreRefusedNamingEachField() {
        CampaignView campaign = TestData.createCampaign(http, "Invalid npcs");
        String path = "/api/campaigns/" + campaign.id() + "/npcs";

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST(path, Map.of("aliases", List.of("a", "")))));
        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field)
                .containsExactlyInAnyOrder("name", "persona", "voice", "aliases[1]");

        Map<String, Object> valid = Map.of("name", "Tomas", "persona", "Lost.", "voice", "festival:slt");
        assertThat(refused(path, with(valid, "voice", "slt"))).isEqualTo("voice");
        assertThat(refused(path, with(valid, "voice", "google:en-US-Wavenet-D"))).isEqualTo("voice");
        assertThat(refused(path, with(valid, "muted", "yes"))).isEqualTo("muted");
        assertThat(refused(path, with(valid, "aliases", "the lost one"))).isEqualTo("aliases");
        assertThat(refused(path, with(valid, "aliases", List.of(7)))).isEqualTo("aliases[0]");
        assertThat(refused(path, with(valid, "aliases", List.of("x", "X")))).isEqualTo("aliases[1]");
        assertThat(refused(path, with(valid, "persona", "p".repeat(4001)))).isEqualTo("persona");
        assertThat(refused(path, with(valid, "knowledgeScope", List.of(" ")))).isEqualTo("knowledgeScope[0]");
        assertThat(refused(path, with(valid, "mood", "grim"))).isEqualTo("mood");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ?", campaign.id())).isZero();

        NpcView tomas = http.retrieve(HttpRequest.POST(path, valid), NpcView.class);
        assertThat(TestData.refusedField(http, HttpRequest.PATCH(path + "/" + tomas.id(), Map.of("voice", "")))).isEqualTo("voice");
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND voice = 'festival:slt'", tomas.id())).isEqualTo(1);
    }

    @Test
    void namesAndAliasesMustPickOutOneNpc() {
        CampaignView campaign = TestData.createCampaign(http, "Duplicates");
        String path = "/api/campaigns/" + campaign.id() + "/npcs";
        NpcView grimjaw = TestData.createNpc(http, campaign.id(), "Grimjaw");
        http.retrieve(HttpRequest.PATCH(path + "/" + grimjaw.id(), Map.of("aliases", List.of("the smith"))), NpcView.class);
        NpcView elara = TestData.createNpc(http, campaign.id(), "Elara");

        assertThat(conflict(HttpRequest.POST(path, Map.of("name", "GRIMJAW", "persona", "x", "voice", "festival:slt"))))
                .contains("'GRIMJAW'");
        assertThat(conflict(HttpRequest.POST(path, Map.of("name", "Brom", "persona", "x", "voice", "festival:slt",
                "aliases", List.of("The Smith"))))).contains("'The Smith'", "Grimjaw");
        assertThat(conflict(HttpRequest.PATCH(path + "/" + elara.id(), Map.of("name", "grimjaw")))).contains("'grimjaw'");

        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ?", campaign.id())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND name = 'Elara'", elara.id())).isEqualTo(1);
        // The same name in another campaign is fine.
        TestData.createNpc(http, TestData.createCampaign(http, "Other").id(), "Grimjaw");
    }

    @Test
    void anNpcIsOnlyFoundUnderItsOwnCampaign() {
        NpcView grimjaw = TestData.createNpc(http, TestData.createCampaign(http, "Home").id(), "Grimjaw");
        CampaignView other = TestData.createCampaign(http, "Elsewhere");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.GET("/api/campaigns/" + other.id() + "/npcs/" + grimjaw.id())));
        assertThat(e.code()).isEqualTo(404);
        assertThat(TestData.error(e).message()).isEqualTo("no such NPC in this campaign");
        assertThat(TestData.status(http, HttpRequest.DELETE("/api/campaigns/" + other.id() + "/npcs/" + grimjaw.id()))).isEqualTo(404);
        assertThat(TestData.status(http, HttpRequest.GET("/api/campaigns/" + other.id() + "/npcs/not-an-id"))).isEqualTo(404);
        assertThat(TestData.status(http, HttpRequest.GET("/api/campaigns/" + UUID.randomUUID() + "/npcs"))).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ?", grimjaw.id())).isEqualTo(1);
    }

    private String refused(String path, Map<String, Object> body) {
        return TestData.refusedField(http, HttpRequest.POST(path, body));
    }

    private String conflict(HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> http.exchange(request));
        assertThat(e).as("expected a conflict").isNotNull();
        assertThat(e.code()).isEqualTo(409);
        return TestData.error(e).message();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
