package dev.glyphoxa.gateway;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document generated at compile time is on the classpath and describes the admin routes. */
class OpenApiDocumentTest {

    static final String DOCUMENT = "META-INF/swagger/glyphoxa-admin-api-0.1.yml";

    @Test
    @SuppressWarnings("unchecked")
    void documentsTheCampaignNpcEntityAndFeedbackRoutes() throws IOException {
        Map<String, Object> document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");

        assertThat(paths.get("/api/campaigns")).containsKeys("get", "post");
        assertThat(paths.get("/api/campaigns/{id}")).containsKeys("get", "patch", "delete");
        assertThat(paths.get("/api/campaigns/{campaignId}/npcs")).containsKeys("get", "post");
        assertThat(paths.get("/api/campaigns/{campaignId}/npcs/{npcId}")).containsKeys("get", "patch", "delete");
        assertThat(paths.get("/api/campaigns/{campaignId}/entities")).containsKeys("get", "post");
        assertThat(paths.get("/api/campaigns/{campaignId}/entities/{entityId}")).containsKeys("get", "patch", "delete");
        assertThat(paths.get("/api/feedback")).containsKeys("get", "post");
        assertThat(paths.get("/api/sessions")).containsKeys("get", "post");
        assertThat(paths.get("/api/sessions/{id}/npcs/{npc}/speak")).containsKeys("post");
        assertThat(paths.get("/api/sessions/{id}/recap")).containsKeys("get");
        assertThat(paths.get("/api/tenants")).containsKeys("get", "post");
        assertThat(paths.get("/api/campaigns/{campaignId}/entities/import")).containsKeys("post");
        assertThat(document.toString()).doesNotContainIgnoringCase("caller");

        Map<String, Object> createNpc = paths.get("/api/campaigns/{campaignId}/npcs").get("post");
        assertThat(createNpc.get("summary")).asString().contains("NPC");
        assertThat(createNpc.get("tags")).isEqualTo(List.of("NPCs"));
        assertThat(createNpc.get("responses")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("201");
        // The request body is documented as the JSON object the route reads, not as the raw text it binds.
        assertThat(createNpc.get("requestBody").toString()).contains("NpcService.NewNpc");
        // The caller comes from the API key, never from a parameter a client could set.
        assertThat(String.valueOf(createNpc.get("parameters"))).doesNotContain("caller");
        assertThat(paths.get("/api/campaigns/{campaignId}/entities").get("get").get("parameters").toString()).contains("type");
    }
}
