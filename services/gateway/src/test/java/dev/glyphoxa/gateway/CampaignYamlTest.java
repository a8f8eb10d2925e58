package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.campaign.CampaignDocument;
import dev.glyphoxa.gateway.campaign.CampaignYaml;
import dev.glyphoxa.gateway.store.CampaignEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CampaignYamlTest {

    private static final String VALID = """
            campaign: {name: Test, system: D&D 5e}
            npcs:
              - name: Grimjaw
                aliases: [the blacksmith]
                persona: A gruff dwarf.
                voice: festival:slt
              - name: Elara
                persona: The innkeeper.
                voice: espeak:en+m3
            entities:
              - {type: location, name: The Rusty Anchor, description: A tavern., tags: [tavern]}
              - {type: item, name: The Pearl, description: A black pearl.}
            """;

    @Test
    void exampleCampaignIsValid() {
        CampaignDocument doc = CampaignYaml.parse(TestData.exampleYaml());

        assertThat(doc.campaign().name()).isEqualTo("The Rusty Anchor");
        assertThat(doc.campaign().narratorVoice()).isEqualTo("festival:slt");
        assertThat(doc.npcs()).extracting(CampaignDocument.NpcSpec::name).containsExactly("Grimjaw", "Elara");
        assertThat(doc.npcs()).extracting(CampaignDocument.NpcSpec::voice).containsExactly("espeak:en+m3", "festival:slt");
        assertThat(doc.npcs()).allSatisfy(n -> {
            assertThat(n.aliases()).isNotEmpty();
            assertThat(n.persona()).hasSizeGreaterThan(100);
        });
        assertThat(doc.entities()).hasSizeBetween(5, 8);
        assertThat(doc.entities()).extracting(CampaignDocument.EntitySpec::type)
                .contains("location", "item", "faction", "quest", "lore")
                .allMatch(CampaignEntity.TYPES::contains);
        assertThat(doc.entities()).allSatisfy(e -> assertThat(e.description()).isNotBlank());
    }

    @Test
    void validDocumentKeepsEverything() {
        CampaignDocument doc = CampaignYaml.parse(VALID);

        assertThat(doc.campaign().system()).isEqualTo("D&D 5e");
        assertThat(doc.campaign().narratorVoice()).isEqualTo(CampaignYaml.DEFAULT_NARRATOR_VOICE);
        assertThat(doc.npcs().getFirst().aliases()).containsExactly("the blacksmith");
        assertThat(doc.npcs().get(1).aliases()).isEmpty();
        assertThat(doc.npcs()).noneMatch(CampaignDocument.NpcSpec::muted);
        assertThat(doc.entities().getFirst().tags()).containsExactly("tavern");
        assertThat(doc.entities().get(1).tags()).isEmpty();
    }

    @Test
    void malformedYamlNamesTheLine() {
        String yaml = """
                campaign: {name: Test, system: D&D 5e}
                npcs:
                  - name: Grimjaw
                   persona: badly indented
                """;

        List<Problem> problems = problems(yaml);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().message()).startsWith("malformed YAML");
        assertThat(problems.getFirst().line()).isEqualTo(4);
    }

    @Test
    void missingFieldNamesThePathAndLine() {
        String yaml = VALID.replace("    voice: espeak:en+m3\n", "");

        List<Problem> problems = problems(yaml);

        assertThat(problems).containsExactly(new Problem("npcs[1].voice", 7, "is required"));
    }

    @Test
    void missingTopLevelSectionIsNamed() {
        assertThat(problems("campaign: {name: Test, system: D&D 5e}\n"))
                .extracting(Problem::field).containsExactly("npcs");
    }

    @Test
    void duplicateEntityNameIsRefusedWhateverTheCase() {
        String yaml = VALID.replace("name: The Pearl", "name: the rusty  anchor");

        List<Problem> problems = problems(yaml);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().field()).isEqualTo("entities[1].name");
        assertThat(problems.getFirst().line()).isEqualTo(12);
        assertThat(problems.getFirst().message()).contains("duplicate entity name", "entities[0]");
    }

    @Test
    void aliasMayNotNameAnotherNpc() {
        String yaml = VALID.replace("aliases: [the blacksmith]", "aliases: [the blacksmith, elara]");

        assertThat(problems(yaml)).extracting(Problem::field).containsExactly("npcs[1].name");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = """
                campaign: {name: Test, system: D&D 5e, narator_voice: festival:slt}
                npcs:
                  - name: Grimjaw
                    persona: ""
                    voice: slt
                entities:
                  - {type: tavern, name: The Rusty Anchor, description: A tavern.}
                  - {type: item, name: The Pearl, description: A pearl., tags: oops}
                """;

        assertThat(problems(yaml)).extracting(Problem::field).containsExactly(
                "campaign.narator_voice", "npcs[0].persona", "npcs[0].voice", "entities[0].type", "entities[1].tags");
        assertThat(problems(yaml).get(2).message()).contains("engine:voice");
    }

    @Test
    void wrongShapesAreNamed() {
        assertThat(problems("- just\n- a list\n")).extracting(Problem::message)
                .singleElement().asString().contains("must be a mapping");
        assertThat(problems("campaign: {name: Test, system: X}\nnpcs: Grimjaw\n"))
                .containsExactly(new Problem("npcs", 2, "expected a list, found 'Grimjaw'"));
        assertThat(problems("campaign: {name: Test, system: X}\nnpcs: []\n"))
                .containsExactly(new Problem("npcs", 2, "at least one NPC is required"));
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThat(problems("   \n# nothing\n")).extracting(Problem::message).singleElement().asString().contains("empty");
        assertThatThrownBy(() -> CampaignYaml.parse(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void yamlTagsConstructNothing() {
        String yaml = VALID.replace("name: Grimjaw", "name: !!javax.script.ScriptEngineManager [x]");

        // SnakeYAML refuses global tags while composing, before anything could be constructed.
        assertThat(problems(yaml)).extracting(Problem::message).singleElement().asString()
                .contains("javax.script.ScriptEngineManager").containsIgnoringCase("tag");
    }

    private static List<Problem> problems(String yaml) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> CampaignYaml.parse(yaml));
        assertThat(e).as("expected the document to be refused").isNotNull();
        assertThat(e.status().getCode()).isEqualTo(400);
        assertThat(e.getMessage()).isNotBlank();
        return e.problems();
    }
}
