package dev.glyphoxa.gateway.campaign;

import com.fasterxml.jackson.core.JsonToken;
import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.campaign.CampaignDocument.EntitySpec;
import dev.glyphoxa.gateway.campaign.JsonTree.Arr;
import dev.glyphoxa.gateway.campaign.JsonTree.Obj;
import dev.glyphoxa.gateway.campaign.JsonTree.Other;
import dev.glyphoxa.gateway.campaign.JsonTree.Text;
import dev.glyphoxa.gateway.campaign.JsonTree.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_ENTITIES;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_NAME;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_TEXT;

/**
 * Reads Foundry VTT "Export Data" JSON into campaign entities: one Actor, JournalEntry or Item, a list of them,
 * or a bundle with {@code actors}, {@code journal} and {@code items} lists (an Adventure export has that shape).
 * Refuses it with every problem found, each naming the JSON path ({@code actors[2].name}) and the line.
 *
 * <p>Foundry documents carry far more than NPCs need to know (stats, tokens, embedded items, effects), and the
 * layout differs between Foundry versions and game systems, so unknown keys are ignored and the text is looked
 * for wherever the common systems keep it.
 */
public final class FoundryJson {

    /** Where actors keep their text (dnd5e, then systems with a plain biography or description, then pf2e); first non-empty wins. */
    private static final List<String> ACTOR_TEXT = List.of("details.biography.value", "details.biography",
            "biography.value", "biography", "description.value", "description", "details.publicNotes");
    private static final List<String> ITEM_TEXT = List.of("description.value", "description");
    /** Once a race item is dropped on a dnd5e actor, {@code details.race} holds that item's id, not a word. */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9]{16}");
    private static final String NO_TEXT = "has no text once the HTML markup is removed; a description is required";
    private static final String SOURCE_TAG = "foundry";

    private final CampaignRules.Problems problems = new CampaignRules.Problems();
    private final Map<String, String> names = new HashMap<>();
    private final List<EntitySpec> entities = new ArrayList<>();

    private FoundryJson() {
    }

    /** @throws ApiException 400 listing every problem, if the text is not an importable Foundry export */
    public static FoundryImport parse(String json) {
        FoundryJson reader = new FoundryJson();
        reader.read(json == null ? "" : json);
        reader.problems.throwIfAny();
        return new FoundryImport(reader.entities);
    }

    private void read(String json) {
        String tooLarge = CampaignRules.sizeProblem(json);
        if (tooLarge != null) {
            problem(null, null, tooLarge);
            return;
        }
        if (json.isBlank()) {
            problem(null, null, "the document is empty; expected a Foundry VTT export of an Actor, JournalEntry or Item");
            return;
        }
        Value root;
        try {
            root = JsonTree.read(json);
        } catch (JsonTree.Malformed e) {
            String where = e.line() == null ? "" : " at line " + e.line() + (e.column() == null ? "" : ", column " + e.column());
            problem(null, e.line(), "malformed JSON" + where + ": " + e.getMessage());
            return;
        }
        switch (root) {
            case Arr list -> list(list, "", null);
            case Obj o when FoundryKind.isBundle(o) -> bundle(o);
            case Obj o -> document(o, "", null);
            default -> problem(null, root.line(),
                    "expected a Foundry VTT export (an object, or a list of them), found " + root.kind());
        }
        if (problems.isEmpty() && entities.isEmpty()) {
            problem(null, root.line(), "nothing to import: the export holds no actors, journal entries or items");
        }
    }

    private void bundle(Obj bundle) {
        int total = 0;
        for (String key : FoundryKind.BUNDLE_LISTS) {
            Value v = bundle.get(key);
            if (v instanceof Arr list) {
                total += list.items().size();
            } else if (v != null && !isNull(v)) {
                problem(key, v.line(), "expected a list, found " + v.kind());
            }
        }
        if (tooMany(total, bundle.line())) {
            return;
        }
        for (String key : FoundryKind.BUNDLE_LISTS) {
            if (bundle.get(key) instanceof Arr list) {
                list(list, key, FoundryKind.ofBundleList(key));
            }
        }
    }

    /** @param kind what the list holds, or null when each document must say for itself */
    private void list(Arr list, String path, FoundryKind kind) {
        if (path.isEmpty() && tooMany(list.items().size(), list.line())) {
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            document(list.items().get(i), path + "[" + i + "]", kind);
        }
    }

    private boolean tooMany(int count, int line) {
        if (count > MAX_ENTITIES) {
            problem(null, line, "the export holds " + count + " documents, at most " + MAX_ENTITIES + " can be imported at once");
            return true;
        }
        return false;
    }

    private void document(Value value, String path, FoundryKind given) {
        if (!(value instanceof Obj doc)) {
            problem(path.isEmpty() ? null : path, value.line(), "expected a Foundry document (an object), found " + value.kind());
            return;
        }
        FoundryKind kind = given != null ? given : kindOf(doc, path);
        if (kind == null) {
            return;
        }
        String name = name(doc, path);
        String type = entityType(doc, path, kind);
        String description = switch (kind) {
            case ACTOR -> firstText(doc, path, ACTOR_TEXT, "the actor has no biography or description");
            case ITEM -> firstText(doc, path, ITEM_TEXT, "the item has no description");
            case JOURNAL -> journalText(doc, path);
        };
        entities.add(new EntitySpec(type, name, description, tags(doc, path, kind)));
    }

    /** An explicit {@code documentName} first, then the UUID the document was copied from, then its shape. */
    private FoundryKind kindOf(Obj doc, String path) {
        if (doc.get("documentName") instanceof Text hint) {
            FoundryKind kind = FoundryKind.ofDocumentName(hint.value());
            if (kind == null) {
                problem(join(path, "documentName"), hint.line(),
                        "a " + hint.value() + " cannot be imported; expected an Actor, JournalEntry or Item");
            }
            return kind;
        }
        FoundryKind kind = FoundryKind.ofSource(doc);
        if (kind == null) {
            kind = FoundryKind.ofShape(doc);
        }
        if (kind == null) {
            problem(path.isEmpty() ? null : path, doc.line(), "cannot tell which kind of Foundry document this is; expected "
                    + "an Actor (with prototypeToken or a biography), a JournalEntry (with pages) or an Item (with system.description)");
        }
        return kind;
    }

    private String name(Obj doc, String path) {
        String field = join(path, "name");
        String name = requiredText(doc.get("name"), field, doc.line(), MAX_NAME);
        if (name != null) {
            String previous = names.putIfAbsent(CampaignRules.normalise(name), path.isEmpty() ? "the document" : path);
            if (previous != null) {
                problem(field, doc.get("name").line(), CampaignRules.duplicateEntityName(name, previous));
            }
        }
        return name;
    }

    /** {@code flags.glyphoxa.type} lets a GM file a journal entry as a location, faction, quest, ... */
    private String entityType(Obj doc, String path, FoundryKind kind) {
        Value flag = doc.at("flags.glyphoxa.type");
        if (flag == null || isNull(flag)) {
            return kind.entityType;
        }
        String field = join(path, "flags.glyphoxa.type");
        String type = requiredText(flag, field, flag.line(), MAX_NAME);
        String refused = type == null ? null : CampaignRules.entityTypeProblem(type);
        if (refused != null) {
            problem(field, flag.line(), refused);
            return null;
        }
        return type;
    }

    private String firstText(Obj doc, String path, List<String> candidates, String missing) {
        Text empty = null;
        String emptyField = null;
        for (String root : FoundryKind.DATA_ROOTS) {
            for (String candidate : candidates) {
                String key = root + "." + candidate;
                if (doc.at(key) instanceof Text html) {
                    String plain = FoundryText.plain(html.value());
                    if (!plain.isEmpty()) {
                        return description(plain, join(path, key), html.line());
                    }
                    if (empty == null) {
                        empty = html;
                        emptyField = join(path, key);
                    }
                }
            }
        }
        if (empty != null) {
            problem(emptyField, empty.line(), NO_TEXT);
        } else {
            String root = doc.get("system") == null && doc.get("data") != null ? "data" : "system";
            problem(join(path, root + "." + candidates.getFirst()), doc.line(), "is required: " + missing);
        }
        return null;
    }

    private record Page(double sort, String text) {
    }

    /** v10+ text pages in Foundry's display order, or the single HTML {@code content} of v9 and older. */
    private String journalText(Obj doc, String path) {
        String pagesField = join(path, "pages");
        Value pages = doc.get("pages");
        Text empty = null;
        String emptyField = null;
        if (pages instanceof Arr list) {
            List<Page> texts = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                String pagePath = pagesField + "[" + i + "]";
                if (!(list.items().get(i) instanceof Obj page)) {
                    problem(pagePath, list.items().get(i).line(), "expected a journal page (an object), found " + list.items().get(i).kind());
                } else if (page.get("type") instanceof Text type && !type.value().equals("text")) {
                    continue; // image, pdf and video pages carry no text
                } else if (page.at("text.content") instanceof Text html) {
                    String plain = FoundryText.plain(html.value());
                    if (!plain.isEmpty()) {
                        texts.add(new Page(sort(page), plain));
                    } else if (empty == null) {
                        empty = html;
                        emptyField = pagePath + ".text.content";
                    }
                }
            }
            if (!texts.isEmpty()) {
                texts.sort(Comparator.comparingDouble(Page::sort));
                return description(String.join("\n", texts.stream().map(Page::text).toList()), pagesField, list.line());
            }
        } else if (pages != null && !isNull(pages)) {
            problem(pagesField, pages.line(), "expected a list, found " + pages.kind());
            return null;
        }
        if (empty == null && doc.get("content") instanceof Text html) {
            String plain = FoundryText.plain(html.value());
            if (!plain.isEmpty()) {
                return description(plain, join(path, "content"), html.line());
            }
            empty = html;
            emptyField = join(path, "content");
        }
        if (empty != null) {
            problem(emptyField, empty.line(), NO_TEXT);
        } else {
            problem(pagesField, pages == null ? doc.line() : pages.line(),
                    "is required: the journal entry has no text page (image, PDF and video pages carry no text)");
        }
        return null;
    }

    private static double sort(Obj page) {
        return page.get("sort") instanceof Other n && n.token().isNumeric() ? Double.parseDouble(n.raw()) : 0;
    }

    private String description(String plain, String field, int line) {
        if (plain.length() > MAX_TEXT) {
            problem(field, line, "is too long (" + plain.length() + " characters once the HTML markup is removed, at most "
                    + MAX_TEXT + ")");
            return null;
        }
        return plain;
    }

    /** Creature type, subtype, race and alignment of actors and the item type, lower-cased, then the source. */
    private List<String> tags(Obj doc, String path, FoundryKind kind) {
        Set<String> tags = new LinkedHashSet<>();
        if (kind == FoundryKind.ACTOR) {
            for (String root : FoundryKind.DATA_ROOTS) {
                String details = root + ".details.";
                Value type = doc.at(details + "type");
                if (type instanceof Obj creature) {
                    String key = creature.get("value") instanceof Text v && v.value().equals("custom") ? "custom" : "value";
                    tag(tags, creature.get(key), path, details + "type." + key);
                    tag(tags, creature.get("subtype"), path, details + "type.subtype");
                } else {
                    tag(tags, type, path, details + "type"); // a plain string such as "humanoid (dwarf)" before dnd5e 2.0
                }
                Value race = doc.at(details + "race");
                boolean raceIsItemId = race instanceof Text r && DOCUMENT_ID.matcher(r.value()).matches();
                if (!raceIsItemId) {
                    tag(tags, race, path, details + "race");
                }
                tag(tags, doc.at(details + "alignment"), path, details + "alignment");
            }
        } else if (kind == FoundryKind.ITEM) {
            tag(tags, doc.get("type"), path, "type");
        }
        tags.add(SOURCE_TAG);
        return List.copyOf(tags);
    }

    private void tag(Set<String> tags, Value value, String path, String key) {
        if (!(value instanceof Text text)) {
            return;
        }
        String tag = text.value().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            return; // Foundry writes "" for every detail nobody filled in
        }
        if (tag.length() > MAX_NAME) {
            problem(join(path, key), text.line(), "is too long for a tag (" + tag.length() + " characters, at most " + MAX_NAME + ")");
            return;
        }
        tags.add(tag);
    }

    private String requiredText(Value value, String field, int lineIfMissing, int max) {
        if (value == null || isNull(value)) {
            problem(field, value == null ? lineIfMissing : value.line(), "is required");
            return null;
        }
        if (!(value instanceof Text text)) {
            problem(field, value.line(), "expected text, found " + value.kind());
            return null;
        }
        String stripped = text.value().strip();
        String refused = CampaignRules.textProblem(stripped, max);
        if (refused != null) {
            problem(field, value.line(), refused);
            return null;
        }
        return stripped;
    }

    private void problem(String field, Integer line, String message) {
        problems.add(field, line, message);
    }

    private static boolean isNull(Value value) {
        return value instanceof Other o && o.token() == JsonToken.VALUE_NULL;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
