package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.campaign.KnowledgeImportController.ImportedKnowledge;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Foundry exports and entity YAML files shipped in examples/, imported into a campaign over the API: whole or not at all. */
@MicronautTest(transactional = false)
class KnowledgeImportTest extends GatewayStack {


    @Test
    void foundryExportsFromExamplesAreImported() throws IOException {
        ImportedCampaign campaign = TestData.importExample(http);

        ImportedKnowledge actor = importFile(campaign, "foundry-actor.json", MediaType.APPLICATION_JSON);
        ImportedKnowledge journal = importFile(campaign, "foundry-journal.json", MediaType.APPLICATION_JSON);
        ImportedKnowledge bundle = importFile(campaign, "foundry-bundle.json", MediaType.APPLICATION_JSON);

        assertThat(actor.entities()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Captain Morwen Vell");
            assertThat(e.type()).isEqualTo("npc");
        });
        assertThat(journal.entities()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("location"));
        assertThat(bundle.imported()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(7 + 1 + 1 + 3);
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name = 'Captain Morwen Vell' "
                + "AND description NOT LIKE '%<%' AND 'foundry' = ANY(tags)", campaign.id())).isEqualTo(1);
    }

    @Test
    void aSecondImportOfTheSameFileIsRefusedWholeNamingTheClash() throws IOException {
        ImportedCampaign campaign = TestData.importExample(http);
        importFile(campaign, "foundry-bundle.json", MediaType.APPLICATION_JSON);

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> importFile(campaign, "foundry-bundle.json", MediaType.APPLICATION_JSON));

        assertThat(e.code()).isEqualTo(409);
        assertThat(TestData.error(e).message()).contains("already has an entity named 'Old Nessa'");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(7 + 3);
    }

    @Test
    void malformedJsonNamesTheLineAndImportsNothing() {
        ImportedCampaign campaign = TestData.importExample(http);
        String broken = "{\n  \"name\": \"Broken\",\n  \"type\": \"npc\",\n  \"system\": {\n    \"details\": oops\n  }\n}";

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns/" + campaign.id() + "/entities/import", broken)
                        .contentType(MediaType.APPLICATION_JSON)));

        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).line()).isEqualTo(5);
        assertThat(TestData.error(e).message()).contains("malformed JSON");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(7);
    }

    @Test
    void anEntitiesYamlFileIsImportedAndABadOneNamesTheField() {
        ImportedCampaign campaign = TestData.importExample(http);
        String yaml = """
                entities:
                  - type: location
                    name: The Lighthouse
                    description: A ruined lighthouse on the northern cliffs.
                    tags: [coast]
                """;
        ImportedKnowledge ok = http.retrieve(HttpRequest.POST("/api/campaigns/" + campaign.id() + "/entities/import", yaml)
                .contentType("application/yaml"), ImportedKnowledge.class);
        assertThat(ok.imported()).isEqualTo(1);

        String bad = """
                entities:
                  - type: spaceship
                    name: The Comet
                    description: Not in this campaign.
                """;
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/campaigns/" + campaign.id() + "/entities/import", bad)
                        .contentType("application/yaml")));
        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).field()).isEqualTo("entities[0].type");
        assertThat(TestData.error(e).line()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaign.id())).isEqualTo(8);
    }

    private ImportedKnowledge importFile(ImportedCampaign campaign, String example, String mediaType) throws IOException {
        String text = Files.readString(Path.of("../../examples", example));
        return http.retrieve(HttpRequest.POST("/api/campaigns/" + campaign.id() + "/entities/import", text)
                .contentType(mediaType), ImportedKnowledge.class);
    }
}
