package dev.glyphoxa.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.gateway.discord.FakeDiscord.Answer;
import dev.glyphoxa.gateway.discord.FakeDiscord.Interaction;
import dev.glyphoxa.gateway.entity.EntityService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /entity} and {@code /campaign} through a real JDA: the modal, the confirmation buttons, attachments
 * downloaded from Discord and imported, and the server's current campaign in {@code tenant_guilds}.
 */
@MicronautTest(transactional = false)
class KnowledgeCommandsTest extends DiscordStack {

    private static final String ENTITIES_YAML = """
            entities:
              - type: faction
                name: The Harbour Watch
                description: Six tired guards who keep the peace on the docks, badly.
                tags: [guards, harbour]
              - type: item
                name: The Brass Spyglass
                description: Elara's late mother's spyglass; it shows the tide an hour ahead.
            """;

    @Inject
    EntityService entityService;

    @AfterEach
    void backToTheExampleCampaign() throws SQLException {
        execute("UPDATE tenant_guilds SET current_campaign_id = ? WHERE guild_id = ?", campaignId, discord.guildId);
    }

    @Test
    void addOpensAModalAndTheSubmitCreatesTheEntity() {
        Interaction add = discord.slash(discord.gm, "entity", "add");

        JsonNode modal = discord.callback(add);
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        String formId = modal.path("data").path("custom_id").asText();
        assertThat(formId).isEqualTo("entity:add:" + campaignId);
        List<String> fields = new ArrayList<>();
        modal.path("data").path("components").forEach(label -> fields.add(label.path("component").path("custom_id").asText()));
        assertThat(fields).containsExactly("name", "type", "description", "tags");
        assertThat(modal.path("data").path("components").path(1).path("component").path("options")).hasSize(6);

        Answer added = discord.answer(discord.submitModal(discord.gm, formId, Map.of("name", "The Drowned Bell",
                "type", List.of("lore"), "description", "The harbour bell rings by itself before a storm.",
                "tags", " omen, harbour ,")));

        assertThat(added.ephemeral()).isTrue();
        assertThat(added.content()).contains("Added **The Drowned Bell** (lore)", "The Rusty Anchor", "omen, harbour");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND tenant_id = ? AND name = 'The Drowned Bell'"
                + " AND type = 'lore' AND tags = ARRAY['omen', 'harbour']::text[]", campaignId, tenantId)).isEqualTo(1);
    }

    @Test
    void aModalWithABlankNameIsRefusedNamingTheField() {
        long before = entities();

        Answer refused = discord.answer(discord.submitModal(discord.gm, "entity:add:" + campaignId, Map.of("name", " ",
                "type", List.of("item"), "description", "Something.")));

        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("name", "blank");
        assertThat(entities()).isEqualTo(before);
    }

    @Test
    void playersGetNoModalAndCannotSubmitOne() {
        Answer refused = discord.answer(discord.slash(discord.player, "entity", "add"));
        assertThat(refused.type()).isEqualTo(4);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).contains("Only game masters");

        long before = entities();
        Answer forged = discord.answer(discord.submitModal(discord.player, "entity:add:" + campaignId, Map.of(
                "name", "Sneaky", "type", List.of("item"), "description", "Not allowed.")));
        assertThat(forged.content()).contains("Only game masters");
        assertThat(entities()).isEqualTo(before);
    }

    @Test
    void everyoneMayListEntitiesOfAType() {
        Answer answer = discord.answer(discord.slash(discord.player, "entity", "list", "type", "location"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("The Rusty Anchor", "location", "**Saltmere**")
                .doesNotContain("Tidecaller Pearl");
    }

    @Test
    void removeAsksFirstAndKeepsOrRemovesByButton() {
        entityService.create(tenantId, campaignId, new EntityService.NewEntity("location", "The Old Lighthouse",
                "Dark for twenty years.", List.of()));
        Answer question = discord.answer(discord.slash(discord.gm, "entity", "remove", "name", "the old lighthouse"));

        assertThat(question.ephemeral()).isTrue();
        assertThat(question.content()).contains("Remove **The Old Lighthouse**", "cannot be undone");
        List<String> buttons = new ArrayList<>();
        question.data().path("components").path(0).path("components").forEach(b -> buttons.add(b.path("custom_id").asText()));
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(0)).startsWith("entity:remove:" + campaignId + ":");
        assertThat(buttons.get(1)).startsWith("entity:keep:");

        Answer kept = discord.answer(discord.clickButton(discord.gm, buttons.get(1)));
        assertThat(kept.type()).isEqualTo(7);
        assertThat(kept.content()).contains("Nothing removed");
        assertThat(kept.data().path("components")).isEmpty();
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name = 'The Old Lighthouse'", campaignId)).isEqualTo(1);

        Answer playerClick = discord.answer(discord.clickButton(discord.player, buttons.get(0)));
        assertThat(playerClick.content()).contains("Only game masters");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name = 'The Old Lighthouse'", campaignId)).isEqualTo(1);

        Answer removed = discord.answer(discord.clickButton(discord.gm, buttons.get(0)));
        assertThat(removed.type()).isEqualTo(7);
        assertThat(removed.content()).contains("Removed **The Old Lighthouse**");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name = 'The Old Lighthouse'", campaignId)).isZero();
    }

    @Test
    void entityNamesAreSuggested() {
        JsonNode result = discord.callback(discord.autocomplete(discord.gm, "entity", "remove", "name", "pearl"));

        assertThat(result.path("type").asInt()).isEqualTo(8);
        assertThat(NpcCommandsTest.values(result)).containsExactly("The Tidecaller Pearl");
    }

    @Test
    void importDownloadsTheAttachmentAndImportsYamlAndFoundryJson() throws IOException {
        Map<String, Object> yaml = discord.attachment("harbour.yaml", "application/x-yaml", ENTITIES_YAML);
        Interaction importYaml = discord.slash(discord.gm, "entity", "import", "file", yaml);

        JsonNode deferral = discord.callback(importYaml);
        assertThat(deferral.path("type").asInt()).isEqualTo(5);
        assertThat(deferral.path("data").path("flags").asInt() & FakeDiscord.EPHEMERAL).isNotZero();
        Answer imported = discord.answer(importYaml);
        assertThat(imported.content()).contains("Imported 2 entities", "harbour.yaml", "The Harbour Watch (faction)");
        discord.awaitCall("GET", "/" + yaml.get("id") + "/harbour.yaml");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name IN ('The Harbour Watch', 'The Brass Spyglass')",
                campaignId)).isEqualTo(2);

        String journal = Files.readString(Path.of("../../examples/foundry-journal.json"));
        Answer foundry = discord.answer(discord.slash(discord.gm, "entity", "import", "file",
                discord.attachment("sea-caves.json", "application/json", journal)));
        assertThat(foundry.content()).contains("Imported 1 entities", "The Sea Caves (location)");

        Answer again = discord.answer(discord.slash(discord.gm, "entity", "import", "file",
                discord.attachment("harbour.yml", "application/x-yaml", ENTITIES_YAML)));
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content()).contains("already has an entity named 'The Harbour Watch'");
        assertThat(count("SELECT count(*) FROM entities WHERE campaign_id = ? AND name = 'The Harbour Watch'", campaignId)).isEqualTo(1);
    }

    @Test
    void campaignInfoIsOpenToEveryone() {
        Answer info = discord.answer(discord.slash(discord.player, "campaign", "info"));

        assertThat(info.ephemeral()).isTrue();
        assertThat(info.content()).contains("**The Rusty Anchor** (D&D 5e)", "NPCs: 2", "Narrator voice: `festival:slt`",
                "No session running");
    }

    @Test
    void loadImportsTheAttachedCampaignAndMakesItTheServersCampaign() {
        String yaml = dev.glyphoxa.gateway.TestData.exampleYaml().replace("name: The Rusty Anchor", "name: The Salt Road");
        Interaction load = discord.slash(discord.gm, "campaign", "load", "file", discord.attachment("salt-road.yaml", "text/yaml", yaml));

        Answer loaded = discord.answer(load);

        assertThat(loaded.ephemeral()).isTrue();
        assertThat(loaded.content()).contains("Loaded **The Salt Road**", "2 NPCs", "7 entities");
        UUID saltRoad = currentCampaign();
        assertThat(saltRoad).isNotEqualTo(campaignId);
        assertThat(count("SELECT count(*) FROM campaigns WHERE id = ? AND tenant_id = ? AND name = 'The Salt Road'", saltRoad, tenantId))
                .isEqualTo(1);
        assertThat(discord.answer(discord.slash(discord.player, "campaign", "info")).content()).contains("**The Salt Road**",
                "Your other campaigns:", "The Rusty Anchor");
    }

    @Test
    void switchPlaysAnotherCampaignBySuggestionOrName() {
        UUID other = importer.importYaml(tenantId, dev.glyphoxa.gateway.TestData.exampleYaml()
                .replace("name: The Rusty Anchor", "name: Winter Harbour")).campaign().id();

        JsonNode suggestions = discord.callback(discord.autocomplete(discord.gm, "campaign", "switch", "name", "winter"));
        assertThat(NpcCommandsTest.values(suggestions)).contains(other.toString());

        Answer bySuggestion = discord.answer(discord.slash(discord.gm, "campaign", "switch", "name", other.toString()));
        assertThat(bySuggestion.content()).contains("now plays **Winter Harbour**");
        assertThat(currentCampaign()).isEqualTo(other);

        Answer byName = discord.answer(discord.slash(discord.gm, "campaign", "switch", "name", "the rusty anchor"));
        assertThat(byName.content()).contains("now plays **The Rusty Anchor**");
        assertThat(currentCampaign()).isEqualTo(campaignId);

        Answer unknown = discord.answer(discord.slash(discord.gm, "campaign", "switch", "name", "Atlantis"));
        assertThat(unknown.ephemeral()).isTrue();
        assertThat(unknown.content()).contains("No campaign called 'Atlantis'", "The Rusty Anchor", "Winter Harbour");
    }

    @Test
    void loadAndSwitchWaitUntilNoSessionRuns() {
        discord.answer(discord.slash(discord.gm, "session", "start"));
        long campaigns = count("SELECT count(*) FROM campaigns WHERE tenant_id = ?", tenantId);

        Answer load = discord.answer(discord.slash(discord.gm, "campaign", "load", "file",
                discord.attachment("late.yaml", "text/yaml", dev.glyphoxa.gateway.TestData.exampleYaml())));
        Answer switched = discord.answer(discord.slash(discord.gm, "campaign", "switch", "name", "The Rusty Anchor"));

        assertThat(load.ephemeral()).isTrue();
        assertThat(load.content()).contains("A session is running", "/session stop", "load another campaign");
        assertThat(switched.content()).contains("A session is running", "switch campaigns");
        assertThat(count("SELECT count(*) FROM campaigns WHERE tenant_id = ?", tenantId)).isEqualTo(campaigns);
        assertThat(currentCampaign()).isEqualTo(campaignId);
    }

    @Test
    void withoutACurrentCampaignAndSeveralActiveOnesTheGmIsToldToSwitch() throws SQLException {
        importer.importYaml(tenantId, dev.glyphoxa.gateway.TestData.exampleYaml().replace("name: The Rusty Anchor", "name: Second Campaign"));
        execute("UPDATE tenant_guilds SET current_campaign_id = NULL WHERE guild_id = ?", discord.guildId);
        long before = sessionsOfTheServer();

        Answer answer = discord.answer(discord.slash(discord.gm, "session", "start"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("no current campaign", "/campaign switch");
        assertThat(sessionsOfTheServer()).isEqualTo(before);
    }

    private long entities() {
        return count("SELECT count(*) FROM entities WHERE campaign_id = ?", campaignId);
    }

    private UUID currentCampaign() {
        return tenants.guild(discord.guildId).orElseThrow().currentCampaignId();
    }
}
