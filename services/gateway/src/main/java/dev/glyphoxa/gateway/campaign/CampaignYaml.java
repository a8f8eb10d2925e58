package dev.glyphoxa.gateway.campaign;

import dev.glyphoxa.gateway.ApiException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_CHARS;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_ENTITIES;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_LIST;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_NAME;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_NPCS;
import static dev.glyphoxa.gateway.campaign.CampaignRules.MAX_TEXT;
import static dev.glyphoxa.gateway.campaign.CampaignRules.normalise;

/**
 * Reads a campaign file into a {@link CampaignDocument}, or refuses it with every problem found, each naming the
 * field path ({@code npcs[1].voice}) and the line.
 *
 * <p>SnakeYAML only composes the node tree here; the walk over it is hand-written because binding to classes
 * would lose the line numbers and stop at the first problem. Nothing is constructed from YAML tags, so a file
 * cannot instantiate arbitrary types.
 */
public final class CampaignYaml {

    public static final String DEFAULT_NARRATOR_VOICE = "festival:slt";


    private final CampaignRules.Problems problems = new CampaignRules.Problems();

    private CampaignYaml() {
    }

    /** @throws ApiException 400 listing every problem, if the text is not a valid campaign */
    public static CampaignDocument parse(String text) {
        CampaignYaml reader = new CampaignYaml();
        CampaignDocument doc = reader.read(text == null ? "" : text);
        reader.problems.throwIfAny();
        return doc;
    }

    /**
     * A knowledge file: just an {@code entities:} list, in the campaign file's format, for adding to an existing
     * campaign. @throws ApiException 400 listing every problem
     */
    public static List<CampaignDocument.EntitySpec> parseEntities(String text) {
        CampaignYaml reader = new CampaignYaml();
        List<CampaignDocument.EntitySpec> entities = reader.readEntities(text == null ? "" : text);
        reader.problems.throwIfAny();
        return entities;
    }

    private List<CampaignDocument.EntitySpec> readEntities(String text) {
        Node root = compose(text);
        if (root == null) {
            if (problems.isEmpty()) {
                problem(null, null, "the document is empty; expected an entities list");
            }
            return List.of();
        }
        Map<String, NodeTuple> top = fields(root, "", Set.of("entities"), Set.of("entities"));
        return top == null ? List.of() : entities(top.get("entities"));
    }

    private CampaignDocument read(String text) {
        Node root = compose(text);
        if (root == null) {
            if (problems.isEmpty()) {
                problem(null, null, "the document is empty; expected campaign, npcs and entities");
            }
            return null;
        }
        Map<String, NodeTuple> top = fields(root, "", Set.of("campaign", "npcs", "entities"), Set.of("campaign", "npcs"));
        if (top == null) {
            return null;
        }
        CampaignDocument.Header header = header(top.get("campaign"));
        List<CampaignDocument.NpcSpec> npcs = npcs(top.get("npcs"));
        List<CampaignDocument.EntitySpec> entities = entities(top.get("entities"));
        return new CampaignDocument(header, npcs, entities);
    }

    private Node compose(String text) {
        String tooLarge = CampaignRules.sizeProblem(text);
        if (tooLarge != null) {
            problem(null, null, tooLarge);
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CHARS);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + (e.getProblem() == null ? "" : e.getProblem());
            problem(null, mark == null ? null : mark.getLine() + 1, "malformed YAML: " + what.strip());
            return null;
        } catch (YAMLException e) {
            problem(null, null, "malformed YAML: " + e.getMessage());
            return null;
        }
    }

    private CampaignDocument.Header header(NodeTuple tuple) {
        if (tuple == null) {
            return null;
        }
        Map<String, NodeTuple> f = fields(tuple.getValueNode(), "campaign",
                Set.of("name", "system", "narrator_voice"), Set.of("name", "system"));
        if (f == null) {
            return null;
        }
        String name = text(f, "name", "campaign", true, MAX_NAME);
        String system = text(f, "system", "campaign", true, MAX_NAME);
        String narrator = voice(f, "campaign", false);
        return new CampaignDocument.Header(name, system, narrator == null ? DEFAULT_NARRATOR_VOICE : narrator);
    }

    private List<CampaignDocument.NpcSpec> npcs(NodeTuple tuple) {
        if (tuple == null) {
            return List.of();
        }
        List<Node> items = sequence(tuple.getValueNode(), "npcs", MAX_NPCS);
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            problem("npcs", line(tuple.getValueNode()), "at least one NPC is required");
        }
        List<CampaignDocument.NpcSpec> npcs = new ArrayList<>();
        // Players address NPCs by name or alias, so every one of them must pick out a single NPC.
        Map<String, String> callNames = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "npcs[" + i + "]";
            Map<String, NodeTuple> f = fields(items.get(i), path, Set.of("name", "aliases", "persona", "voice", "muted"),
                    Set.of("name", "persona", "voice"));
            if (f == null) {
                continue;
            }
            String name = text(f, "name", path, true, MAX_NAME);
            List<String> aliases = textList(f, "aliases", path, MAX_NAME);
            String persona = text(f, "persona", path, true, MAX_TEXT);
            String voice = voice(f, path, true);
            boolean muted = flag(f, "muted", path);
            if (name != null) {
                claim(callNames, name, path + ".name", line(f.get("name").getValueNode()), path);
            }
            for (int a = 0; a < aliases.size(); a++) {
                claim(callNames, aliases.get(a), path + ".aliases[" + a + "]", line(f.get("aliases").getValueNode()), path);
            }
            npcs.add(new CampaignDocument.NpcSpec(name, aliases, persona, voice, muted));
        }
        return npcs;
    }

    private void claim(Map<String, String> taken, String callName, String field, int line, String owner) {
        String previous = taken.putIfAbsent(normalise(callName), owner);
        if (previous != null) {
            problem(field, line, "'" + callName + "' is already used by " + previous + " (names and aliases must be unique)");
        }
    }

    private List<CampaignDocument.EntitySpec> entities(NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        List<Node> items = sequence(tuple.getValueNode(), "entities", MAX_ENTITIES);
        if (items == null) {
            return List.of();
        }
        List<CampaignDocument.EntitySpec> entities = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "entities[" + i + "]";
            Map<String, NodeTuple> f = fields(items.get(i), path, Set.of("type", "name", "description", "tags"),
                    Set.of("type", "name", "description"));
            if (f == null) {
                continue;
            }
            String type = text(f, "type", path, true, MAX_NAME);
            String typeProblem = type == null ? null : CampaignRules.entityTypeProblem(type);
            if (typeProblem != null) {
                problem(path + ".type", line(f.get("type").getValueNode()), typeProblem);
                type = null;
            }
            String name = text(f, "name", path, true, MAX_NAME);
            if (name != null) {
                String previous = names.putIfAbsent(normalise(name), path);
                if (previous != null) {
                    problem(path + ".name", line(f.get("name").getValueNode()),
                            CampaignRules.duplicateEntityName(name, previous));
                }
            }
            String description = text(f, "description", path, true, MAX_TEXT);
            List<String> tags = textList(f, "tags", path, MAX_NAME);
            entities.add(new CampaignDocument.EntitySpec(type, name, description, tags));
        }
        return entities;
    }

    /** The mapping's entries by key, after reporting unknown, duplicate and missing keys; null if not a mapping. */
    private Map<String, NodeTuple> fields(Node node, String path, Set<String> allowed, Set<String> required) {
        String where = path.isEmpty() ? "the document" : path;
        if (!(node instanceof MappingNode mapping)) {
            problem(path.isEmpty() ? null : path, line(node), where + " must be a mapping with "
                    + String.join(", ", allowed.stream().sorted().toList()) + ", found " + kind(node));
            return null;
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            String field = join(path, key == null ? "?" : key);
            if (key == null) {
                problem(path.isEmpty() ? null : path, line(t.getKeyNode()), "keys must be plain names");
            } else if (!allowed.contains(key)) {
                problem(field, line(t.getKeyNode()), "unknown field (expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else if (fields.putIfAbsent(key, t) != null) {
                problem(field, line(t.getKeyNode()), "given twice");
            }
        }
        for (String key : required.stream().sorted().toList()) {
            if (!fields.containsKey(key)) {
                problem(join(path, key), line(node), "is required");
            }
        }
        // Returned even when incomplete, so the rest of the entry is still checked and all problems reported at once.
        return fields;
    }

    private String text(Map<String, NodeTuple> f, String key, String path, boolean required, int max) {
        NodeTuple t = f.get(key);
        String field = join(path, key);
        if (t == null || isNull(t.getValueNode())) {
            if (required && t != null) {
                problem(field, line(t.getValueNode()), "is required");
            }
            return null;
        }
        if (!(t.getValueNode() instanceof ScalarNode s)) {
            problem(field, line(t.getValueNode()), "expected text, found " + kind(t.getValueNode()));
            return null;
        }
        String value = s.getValue().strip();
        String refused = CampaignRules.textProblem(value, max);
        if (refused != null) {
            problem(field, line(s), refused);
            return null;
        }
        return value;
    }

    private String voice(Map<String, NodeTuple> f, String path, boolean required) {
        String key = path.equals("campaign") ? "narrator_voice" : "voice";
        String voice = text(f, key, path, required, MAX_NAME);
        String wrong = voice == null ? null : Voices.problem(voice);
        if (wrong != null) {
            problem(join(path, key), line(f.get(key).getValueNode()), wrong);
            return null;
        }
        return voice;
    }

    private List<String> textList(Map<String, NodeTuple> f, String key, String path, int max) {
        NodeTuple t = f.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        String field = join(path, key);
        List<Node> items = sequence(t.getValueNode(), field, MAX_LIST);
        if (items == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemField = field + "[" + i + "]";
            if (!(item instanceof ScalarNode s) || isNull(item)) {
                problem(itemField, line(item), "expected text, found " + kind(item));
            } else if (s.getValue().isBlank()) {
                problem(itemField, line(item), "must not be blank");
            } else if (s.getValue().strip().length() > max) {
                problem(itemField, line(item), "is too long (at most " + max + " characters)");
            } else {
                values.add(s.getValue().strip());
            }
        }
        return values;
    }

    private boolean flag(Map<String, NodeTuple> f, String key, String path) {
        NodeTuple t = f.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return false;
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            String v = s.getValue().strip().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
        }
        problem(join(path, key), line(t.getValueNode()), "expected true or false");
        return false;
    }

    private List<Node> sequence(Node node, String field, int max) {
        if (!(node instanceof SequenceNode seq)) {
            problem(field, line(node), "expected a list, found " + kind(node));
            return null;
        }
        if (seq.getValue().size() > max) {
            problem(field, line(node), "has " + seq.getValue().size() + " entries, at most " + max + " are allowed");
            return null;
        }
        return seq.getValue();
    }

    private void problem(String field, Integer line, String message) {
        problems.add(field, line, message);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
