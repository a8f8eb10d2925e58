package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.campaign.JsonTree.Arr;
import dev.glyphoxa.gateway.campaign.JsonTree.Obj;
import dev.glyphoxa.gateway.campaign.JsonTree.Text;

import java.util.List;

/**
 * The Foundry VTT document types an import understands, and how to tell them apart: exports do not say what
 * they are, so the kind comes from a hint where there is one and from the shape of the document otherwise.
 */
enum FoundryKind {
    ACTOR("npc"), JOURNAL("lore"), ITEM("item");

    /** Foundry v10+ keeps system data under {@code system}, v9 and older under {@code data}. */
    static final List<String> DATA_ROOTS = List.of("system", "data");
    /** The lists of a bundle (an Adventure export has them), in import order. */
    static final List<String> BUNDLE_LISTS = List.of("actors", "journal", "items");
    /** Keys only a single document has; an Actor also has an {@code items} list, which must not make it a bundle. */
    private static final List<String> DOCUMENT_KEYS = List.of("pages", "content", "prototypeToken", "token", "system", "data");
    private static final List<String> SOURCE_UUIDS = List.of("_stats.compendiumSource", "flags.core.sourceId");

    /** What the document becomes unless {@code flags.glyphoxa.type} says otherwise. */
    final String entityType;

    FoundryKind(String entityType) {
        this.entityType = entityType;
    }

    static boolean isBundle(Obj o) {
        return DOCUMENT_KEYS.stream().noneMatch(o.fields()::containsKey)
                && BUNDLE_LISTS.stream().anyMatch(key -> o.get(key) instanceof Arr);
    }

    /** @return what the bundle list {@code key} holds */
    static FoundryKind ofBundleList(String key) {
        return switch (key) {
            case "actors" -> ACTOR;
            case "journal" -> JOURNAL;
            case "items" -> ITEM;
            default -> throw new IllegalArgumentException("not a bundle list: " + key);
        };
    }

    /** @return the kind named by a Foundry document name ("Actor", ...), or null if it is not one we import */
    static FoundryKind ofDocumentName(String documentName) {
        return switch (documentName) {
            case "Actor" -> ACTOR;
            case "JournalEntry" -> JOURNAL;
            case "Item" -> ITEM;
            default -> null;
        };
    }

    /** From the UUID the document was copied from, e.g. {@code Compendium.dnd5e.monsters.Actor.M4eX4Mu5IHCr3TMf}; or null. */
    static FoundryKind ofSource(Obj doc) {
        for (String source : SOURCE_UUIDS) {
            if (doc.at(source) instanceof Text uuid) {
                String[] parts = uuid.value().split("\\.");
                // The document type precedes the id.
                FoundryKind kind = parts.length >= 2 ? ofDocumentName(parts[parts.length - 2]) : null;
                if (kind != null) {
                    return kind;
                }
            }
        }
        return null;
    }

    /** From the keys the document has; or null if it looks like none of them. */
    static FoundryKind ofShape(Obj doc) {
        if (doc.get("pages") != null || doc.get("content") instanceof Text) {
            return JOURNAL;
        }
        if (doc.get("prototypeToken") != null || doc.get("token") != null
                || DATA_ROOTS.stream().anyMatch(root -> doc.at(root + ".details.biography") != null)) {
            return ACTOR;
        }
        if (DATA_ROOTS.stream().anyMatch(root -> doc.at(root + ".description") != null)) {
            return ITEM;
        }
        return null;
    }
}
