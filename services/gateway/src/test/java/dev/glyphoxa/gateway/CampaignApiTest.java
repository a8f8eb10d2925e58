package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.campaign.CampaignDocument;
import dev.glyphoxa.gateway.campaign.CampaignImporter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class CampaignApiTest extends GatewayStack {

    @Inject
    CampaignImporter importer;


    @Test
    void importsTheExampleCampaign() {
        HttpResponse<ImportedCampaign> response = http.exchange(
                HttpRequest.POST("/api/campaigns", TestData.exampleYaml()).contentType("application/yaml"), ImportedCampaign.class);

        assertThat(response.code()).isEqualTo(201);
        ImportedCampaign imported = response.body();
        assertThat(imported.name()).isEqualTo("The Rusty Anchor");
        assertThat(imported.npcs()).isEqualTo(2);
        assertThat(imported.entities()).isEqualTo(7);
        UUID id = imported.id();
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ? AND tenant_id = 'local' AND active"
                + " AND game_system = 'D&D 5e' AND narrator_voice = 'festival:slt'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND tenant_id = 'local' AND NOT muted", id)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND name = 'Grimjaw'"
                + " AND voice = 'espeak:en+m3' AND aliases = ARRAY['the blacksmith', 'the dwarf']", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND name = 'Elara' AND voice = 'festival:slt'"
                + " AND persona LIKE '%missing brother Tomas%'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND tenant_id = 'local'", id)).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND type = 'faction' AND name = 'The Tide Lords'"
                + " AND 'smugglers' = ANY (tags)", id)).isEqualTo(1);
    }

    @Test
    void malformedYamlIsRefusedWithItsLineAndNothingIsImported() {
        String yaml = TestData.exampleYaml().replace("  - name: Elara", "  - name: Elara\n   oops: [");
        long[] before = rows();

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", yaml).contentType("text/plain")));

        assertThat(e.code()).isEqualTo(400);
        ApiErrorHandler.ApiError error = TestData.error(e);
        assertThat(error.message()).startsWith("malformed YAML");
        assertThat(error.line()).isEqualTo(lineOf(yaml, "   oops: ["));
        assertThat(rows()).containsExactly(before);
    }

    @Test
    void missingFieldIsRefusedByPathAndNothingIsImported() {
        String yaml = TestData.exampleYaml().replace("    voice: festival:slt\n", "");
        long[] before = rows();

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", yaml).contentType("application/yaml")));

        assertThat(e.code()).isEqualTo(400);
        ApiErrorHandler.ApiError error = TestData.error(e);
        assertThat(error.field()).isEqualTo("npcs[1].voice");
        assertThat(error.line()).isEqualTo(lineOf(yaml, "  - name: Elara"));
        assertThat(error.message()).contains("npcs[1].voice", "is required");
        assertThat(rows()).containsExactly(before);
    }

    @Test
    void duplicateEntityNameIsRefusedAndNothingIsImported() {
        String yaml = TestData.exampleYaml().replace("name: The Drowned Choir", "name: saltmere");
        long[] before = rows();

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", yaml).contentType("application/yaml; charset=UTF-8")));

        assertThat(e.code()).isEqualTo(400);
        ApiErrorHandler.ApiError error = TestData.error(e);
        assertThat(error.field()).isEqualTo("entities[6].name");
        assertThat(error.message()).contains("duplicate entity name 'saltmere'", "entities[1]");
        assertThat(rows()).containsExactly(before);
    }

    @Test
    void importIsOneTransaction() {
        // Past validation, the database's own unique index is the last guard; the campaign row written before
        // the refused entity must be rolled back with it.
        String name = "Rollback " + UUID.randomUUID();
        CampaignDocument doc = new CampaignDocument(new CampaignDocument.Header(name, "none", "festival:slt"),
                List.of(new CampaignDocument.NpcSpec("Grimjaw", List.of(), "A dwarf.", "festival:slt", false)),
                List.of(new CampaignDocument.EntitySpec("lore", "Same", "first", List.of()),
                        new CampaignDocument.EntitySpec("lore", "SAME", "second", List.of())));

        assertThatThrownBy(() -> importer.store("local", doc)).hasMessageContaining("entities_unique_name_per_campaign");

        assertThat(count("SELECT count(*) FROM campaigns WHERE name = ?", name)).isZero();
    }

    @Test
    void emptyBodyIsRefused() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", "").contentType("text/plain")));

        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).message()).contains("empty");
    }

    @Test
    void otherMediaTypesAreRefused() {
        // application/json is taken too: it creates an empty campaign (CampaignCrudTest).
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns", "<campaign/>").contentType("application/xml")));

        assertThat(e.code()).isEqualTo(415);
    }

    private long[] rows() {
        return new long[]{count("SELECT count(*) FROM campaigns"), count("SELECT count(*) FROM npcs"),
                count("SELECT count(*) FROM entities")};
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        int index = lines.indexOf(line);
        assertThat(index).as("line '%s' in the test document", line).isNotNegative();
        return index + 1;
    }
}
