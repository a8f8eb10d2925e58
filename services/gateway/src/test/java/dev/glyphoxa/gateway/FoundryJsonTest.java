package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.campaign.CampaignDocument;
import dev.glyphoxa.gateway.campaign.CampaignDocument.EntitySpec;
import dev.glyphoxa.gateway.campaign.CampaignYaml;
import dev.glyphoxa.gateway.campaign.FoundryImport;
import dev.glyphoxa.gateway.campaign.FoundryJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FoundryJsonTest {

    private static final Path EXAMPLES = Path.of("../../examples");

    @Test
    void actorExportBecomesAnNpcWithItsBiographyAsPlainText() throws IOException {
        EntitySpec morwen = single(FoundryJson.parse(example("foundry-actor.json")));

        assertThat(morwen.name()).isEqualTo("Captain Morwen Vell");
        assertThat(morwen.type()).isEqualTo("npc");
        assertThat(morwen.tags()).containsExactly("humanoid", "human", "neutral evil", "foundry");
        assertThat(morwen.description().lines().toList()).containsExactly(
                "Captain Morwen Vell is the silver-tongued leader of the Tide Lords, the smugglers' guild that runs the"
                        + " docks of Saltmere. She is a lean, weathered woman in a salt-stained greatcoat, with a scar"
                        + " across her chin & a laugh that never reaches her eyes.",
                "She holds court every night in the back room of The Rusty Anchor, pays the harbour watch to look the"
                        + " other way, and speaks softly, politely and always with a threat underneath.",
                "Secrets",
                "She paid Tomas to go into the Sunken Mine and fetch the Tidecaller Pearl for her.",
                "She fears the Drowned Choir and will not go below the tide line herself.");
        assertPlain(morwen.description());
    }

    @Test
    void journalExportKeepsItsTextPagesInOrderAndItsGlyphoxaType() throws IOException {
        EntitySpec caves = single(FoundryJson.parse(example("foundry-journal.json")));

        assertThat(caves.name()).isEqualTo("The Sea Caves");
        assertThat(caves.type()).isEqualTo("location");
        assertThat(caves.tags()).containsExactly("foundry");
        List<String> lines = caves.description().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).isEqualTo("The Sea Caves");
        assertThat(lines.get(1)).contains("The townsfolk won't go near them: they say the caves breathe, and");
        assertThat(lines.get(2)).isEqualTo("The largest cave opens into the flooded lower tunnels of The Sunken Mine.");
        assertThat(lines.get(3)).startsWith("Behind a curtain of kelp").contains("contraband & hide it");
        assertThat(lines.subList(4, 6)).containsExactly("Guards: two smugglers with lanterns.",
                "Password: \"Low water, high bell\".");
        assertThat(caves.description()).doesNotContain("The caves at low tide"); // the image page's caption
        assertPlain(caves.description());
    }

    @Test
    void bundleImportsActorsJournalAndItems() throws IOException {
        List<EntitySpec> entities = FoundryJson.parse(example("foundry-bundle.json")).entities();

        assertThat(entities).extracting(EntitySpec::name)
                .containsExactly("Old Nessa", "The Harbour Bell", "Watch Captain's Badge");
        assertThat(entities).extracting(EntitySpec::type).containsExactly("npc", "lore", "item");
        assertThat(entities.get(0).tags()).containsExactly("humanoid", "halfling", "chaotic good", "foundry");
        assertThat(entities.get(1).tags()).containsExactly("foundry");
        assertThat(entities.get(2).tags()).containsExactly("loot", "foundry");
        assertThat(entities.get(0).description()).endsWith("anyone anywhere \u2013 except after the bell has rung.");
        assertThat(entities.get(2).description()).startsWith("A tarnished bronze badge");
        entities.forEach(e -> assertPlain(e.description()));
    }

    @Test
    void examplesAddToTheExampleCampaignWithoutClashing() throws IOException {
        CampaignDocument campaign = CampaignYaml.parse(TestData.exampleYaml());
        List<String> taken = Stream.concat(campaign.npcs().stream().map(CampaignDocument.NpcSpec::name),
                campaign.entities().stream().map(EntitySpec::name)).map(n -> n.toLowerCase(Locale.ROOT)).toList();

        List<String> imported = Stream.of("foundry-actor.json", "foundry-journal.json", "foundry-bundle.json")
                .flatMap(file -> FoundryJson.parse(exampleUnchecked(file)).entities().stream())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();

        assertThat(imported).hasSize(5).doesNotHaveDuplicates().doesNotContainAnyElementsOf(taken);
    }

    @Test
    void olderExportsAreReadToo() {
        String json = """
                [
                  {"name": "Brother Aldous", "type": "npc", "token": {"name": "Aldous"},
                   "data": {"details": {"biography": {"value": "<p>A priest of the sea god.</p>"},
                                        "type": "humanoid (human)", "race": "Human", "alignment": "Lawful Good"}}},
                  {"name": "Shrine of the Deep", "content": "<p>A shrine in a cave.</p>"}
                ]
                """;

        List<EntitySpec> entities = FoundryJson.parse(json).entities();

        assertThat(entities).extracting(EntitySpec::type).containsExactly("npc", "lore");
        assertThat(entities).extracting(EntitySpec::description).containsExactly("A priest of the sea god.", "A shrine in a cave.");
        assertThat(entities.getFirst().tags()).containsExactly("humanoid (human)", "human", "lawful good", "foundry");
    }

    @Test
    void aTokenMakesAnActorAndARaceItemIdIsNoTag() {
        String json = """
                [
                  {"name": "Gull", "token": {}, "data": {"description": {"value": "<p>A noisy gull.</p>"}}},
                  {"name": "Pip", "prototypeToken": {}, "items": [{"_id": "qLr3sTu8vWx2yZ4a", "type": "race"}],
                   "system": {"details": {"biography": {"value": "<p>A cabin boy.</p>"}, "race": "qLr3sTu8vWx2yZ4a",
                              "type": {"value": "custom", "custom": "Sea Folk", "subtype": ""}}}}
                ]
                """;

        List<EntitySpec> entities = FoundryJson.parse(json).entities();

        assertThat(entities).extracting(EntitySpec::type).containsExactly("npc", "npc");
        assertThat(entities.get(1).tags()).containsExactly("sea folk", "foundry");
    }

    @Test
    void journalPagesFollowTheirSortNotTheirPlaceInTheFile() {
        String json = """
                {"name": "Tide Tables", "pages": [
                  {"type": "text", "sort": 300, "text": {"content": "<p>Third</p>"}},
                  {"type": "text", "sort": 100, "text": {"content": "<p>First</p>"}},
                  {"type": "text", "sort": 200, "text": {"content": "<p>Second</p>"}}]}
                """;

        assertThat(single(FoundryJson.parse(json)).description()).isEqualTo("First\nSecond\nThird");
    }

    @Test
    void foundryLinksAndRollsReadAsTheirLabels() {
        String json = """
                {"name": "Bell Ringer", "prototypeToken": {}, "system": {"details": {"biography": {"value":
                  "<p>Rings @UUID[Item.abcdefghijklmnop]{the bell} for [[/r 1d6]] coins, and [[/r 2d6]]{a few more} at dusk@UUID[Actor.x].</p>"}}}}
                """;

        assertThat(single(FoundryJson.parse(json)).description())
                .isEqualTo("Rings the bell for 1d6 coins, and a few more at dusk.");
    }

    @Test
    void explicitHintsDecideTheKind() {
        String fromCompendium = """
                {"name": "Reef Shark", "_stats": {"compendiumSource": "Compendium.dnd5e.monsters.Actor.M4eX4Mu5IHCr3TMf"},
                 "system": {"description": {"value": "<p>A shark.</p>"}}}
                """;
        assertThat(single(FoundryJson.parse(fromCompendium)).type()).isEqualTo("npc");

        assertThat(problems("{\"name\": \"Harbour\", \"documentName\": \"Scene\", \"pages\": []}"))
                .containsExactly(new Problem("documentName", 1, "a Scene cannot be imported; expected an Actor, JournalEntry or Item"));
        assertThat(problems("{\"name\": \"Harbour\", \"walls\": []}")).extracting(Problem::message)
                .singleElement().asString().startsWith("cannot tell which kind of Foundry document");
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        String json = """
                {
                  "name": "Grimjaw",
                  "type": "npc"
                  "system": {}
                }
                """;

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().field()).isNull();
        assertThat(problems.getFirst().line()).isEqualTo(4);
        assertThat(problems.getFirst().message()).startsWith("malformed JSON at line 4, column 3: Unexpected character");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() {
        String json = """
                {"name": "Grimjaw",
                 "name": "Elara", "prototypeToken": {}}
                """;

        assertThat(problems(json)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("Duplicate field 'name'");
        });
    }

    @Test
    void missingNameIsNamedByItsJsonPath() {
        String json = """
                {"actors": [
                  {"name": "Old Nessa", "system": {"details": {"biography": {"value": "<p>Ferrywoman.</p>"}}}},
                  {"type": "npc",
                   "system": {"details": {"biography": {"value": "<p>Nameless.</p>"}}}}
                ]}
                """;

        assertThat(problems(json)).containsExactly(new Problem("actors[1].name", 3, "is required"));
    }

    @Test
    void namesMustBeUniqueWhateverTheCase() {
        String json = """
                [
                  {"name": "Old Nessa", "prototypeToken": {}, "system": {"details": {"biography": {"value": "Ferrywoman."}}}},
                  {"name": "old  NESSA", "pages": [{"type": "text", "text": {"content": "<p>Her boat.</p>"}}]}
                ]
                """;

        List<Problem> problems = problems(json);

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().field()).isEqualTo("[1].name");
        assertThat(problems.getFirst().line()).isEqualTo(3);
        assertThat(problems.getFirst().message()).contains("duplicate entity name", "[0]");
    }

    @Test
    void aDocumentWithoutTextIsRefusedNotDropped() {
        String emptyBiography = """
                {"name": "Mute Sailor", "prototypeToken": {},
                 "system": {"details": {"biography": {"value": "<p>&nbsp;</p><p><br></p>", "public": ""}}}}
                """;
        assertThat(problems(emptyBiography)).containsExactly(new Problem("system.details.biography.value", 2,
                "has no text once the HTML markup is removed; a description is required"));

        String noBiography = """
                {"items": [{"name": "Rope", "type": "loot", "system": {"quantity": 1}}]}
                """;
        assertThat(problems(noBiography)).containsExactly(
                new Problem("items[0].system.description.value", 1, "is required: the item has no description"));
    }

    @Test
    void aPageOfOnlyMarkupIsNoDescription() {
        String htmlOnly = """
                {"name": "Harbour Map",
                 "pages": [{"name": "Map", "type": "text",
                            "text": {"format": 1, "content": "<p><img src=\\"maps/harbour.webp\\"></p>"}}]}
                """;
        assertThat(problems(htmlOnly)).containsExactly(new Problem("pages[0].text.content", 3,
                "has no text once the HTML markup is removed; a description is required"));

        String imageOnly = """
                {"name": "Harbour Map",
                 "pages": [{"name": "Map", "type": "image", "src": "maps/harbour.webp"}]}
                """;
        assertThat(problems(imageOnly)).extracting(Problem::field, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pages", 2));
    }

    @Test
    void wrongTopLevelValuesAreNamed() {
        assertThat(problems("42")).containsExactly(
                new Problem(null, 1, "expected a Foundry VTT export (an object, or a list of them), found a number"));
        assertThat(problems("[\"Grimjaw\"]")).containsExactly(
                new Problem("[0]", 1, "expected a Foundry document (an object), found text"));
        assertThat(problems("{\"actors\": {}, \"journal\": []}")).containsExactly(
                new Problem("actors", 1, "expected a list, found an object"));
        assertThat(problems("[]")).extracting(Problem::message).singleElement().asString().startsWith("nothing to import");
        assertThat(problems("  \n")).extracting(Problem::message).singleElement().asString().contains("empty");
        assertThat(problems(null)).extracting(Problem::message).singleElement().asString().contains("empty");
    }

    @Test
    void limitsAreTheCampaignFileLimits() {
        assertThat(problems(" ".repeat(1_000_001))).extracting(Problem::message)
                .singleElement().asString().startsWith("the document is too large (1000001 characters");

        String longName = "{\"name\": \"" + "A".repeat(121) + "\", \"content\": \"<p>Lore.</p>\"}";
        assertThat(problems(longName)).containsExactly(new Problem("name", 1, "is too long (121 characters, at most 120)"));

        // Markup does not count against the limit: only what is left once it is removed.
        String markedUp = "<p><span style=\\\"color: #123456\\\">" + "<strong>word</strong> ".repeat(700) + "</span></p>";
        assertThat(markedUp.length()).isGreaterThan(4000);
        assertThat(FoundryJson.parse("{\"name\": \"Long\", \"content\": \"" + markedUp + "\"}").entities()).hasSize(1);
        String tooLong = "<p>" + "word ".repeat(900) + "</p>";
        assertThat(problems("{\"name\": \"Long\", \"content\": \"" + tooLong + "\"}")).containsExactly(new Problem("content", 1,
                "is too long (4499 characters once the HTML markup is removed, at most 4000)"));
    }

    @Test
    void glyphoxaTypeFlagMustBeAnEntityType() {
        String json = """
                {"name": "The Tide Lords", "content": "<p>Smugglers.</p>",
                 "flags": {"glyphoxa": {"type": "guild"}}}
                """;

        assertThat(problems(json)).containsExactly(new Problem("flags.glyphoxa.type", 2,
                "'guild' is not one of npc, location, item, faction, quest, lore"));
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsReturned() {
        String json = """
                {"actors": [{"prototypeToken": {}, "system": {"details": {"biography": {"value": ""}}}}],
                 "journal": [{"name": 7, "pages": "none"}],
                 "items": [{"name": "Rope", "type": "loot", "system": {"description": {"value": "<p>Rope.</p>"}},
                            "flags": {"glyphoxa": {"type": "gear"}}}]}
                """;

        assertThat(problems(json)).extracting(Problem::field).containsExactly(
                "actors[0].name", "actors[0].system.details.biography.value",
                "journal[0].name", "journal[0].pages", "items[0].flags.glyphoxa.type");
    }

    private static EntitySpec single(FoundryImport imported) {
        assertThat(imported.entities()).hasSize(1);
        return imported.entities().getFirst();
    }

    private static void assertPlain(String description) {
        assertThat(description).doesNotContain("<", ">", "&amp;", "&#", "&nbsp;", "@UUID", "\u00A0", "  ");
        assertThat(description.lines()).allSatisfy(line -> assertThat(line).isNotBlank().isEqualTo(line.strip()));
    }

    private static String example(String file) throws IOException {
        return Files.readString(EXAMPLES.resolve(file));
    }

    private static String exampleUnchecked(String file) {
        try {
            return example(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Problem> problems(String json) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> FoundryJson.parse(json));
        assertThat(e).as("expected the export to be refused").isNotNull();
        assertThat(e.status().getCode()).isEqualTo(400);
        assertThat(e.getMessage()).isNotBlank();
        return e.problems();
    }
}
