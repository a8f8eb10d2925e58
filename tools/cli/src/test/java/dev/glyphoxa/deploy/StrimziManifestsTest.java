package dev.glyphoxa.deploy;

import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes manifests stay in step with the one topic declaration in code. */
class StrimziManifestsTest {

    static Path deploy() {
        String repo = System.getProperty("glyphoxa.repo", "../..");
        return Path.of(repo, "deploy", "strimzi");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> docs(String file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(deploy().resolve(file)))) {
            if (d != null) {
                out.add((Map<String, Object>) d);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @Test
    void everyDeclaredTopicHasAKafkaTopicAndNoOtherExists() throws Exception {
        List<Map<String, Object>> topics = docs("topics.yaml");
        assertThat(topics).allMatch(d -> "KafkaTopic".equals(d.get("kind")));
        Set<String> names = topics.stream().map(d -> (String) map(d, "spec").get("topicName")).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        // session-keyed topics are joined by the stages: they must be co-partitioned
        assertThat(topics.stream().map(d -> map(d, "spec").get("partitions")).distinct()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void userAclsOnlyNameDeclaredTopicsAndEveryStageCanDeadLetter() throws Exception {
        Set<String> declared = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        for (Map<String, Object> user : docs("users.yaml")) {
            List<Map<String, Object>> acls = (List<Map<String, Object>>) map(map(user, "spec"), "authorization").get("acls");
            for (Map<String, Object> acl : acls) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                if ("topic".equals(resource.get("type")) && "literal".equals(resource.get("patternType"))) {
                    assertThat(declared).contains((String) resource.get("name"));
                }
            }
            assertThat(acls).anySatisfy(acl -> {
                assertThat(((Map<String, Object>) acl.get("resource")).get("name")).isEqualTo(Topics.DEADLETTER.name());
                assertThat((List<String>) acl.get("operations")).contains("Write");
            });
        }
    }
}
