package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.entity.EntityController.EntityView;
import dev.glyphoxa.gateway.feedback.FeedbackController.FeedbackView;
import dev.glyphoxa.gateway.npc.NpcController.NpcView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B, with its own valid key, walks every tenant route against tenant A's ids: each answers exactly as
 * for ids that exist nowhere (404, or B's own, empty list), says nothing of A's data, and changes none of it.
 * Tenant A is {@code local}.
 */
@MicronautTest(transactional = false)
class TenantIsolationTest extends GatewayStack {

    /**
     * A tenant route. In {@code path} and {@code body}, {@code {campaign}}, {@code {npc}}, {@code {entity}},
     * {@code {session}} and {@code {feedback}} stand for A's ids (see {@link #ids}); add a placeholder there when a
     * route needs another of A's rows. {@code listing} routes answer B with B's own (empty) list instead of 404.
     */
    record Route(String method, String path, @Nullable String body, boolean listing) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            listing("GET", "/api/campaigns"),
            route("GET", "/api/campaigns/{campaign}", null),
            route("PATCH", "/api/campaigns/{campaign}", "{\"name\": \"Taken over\", \"active\": false}"),
            route("DELETE", "/api/campaigns/{campaign}", null),
            route("GET", "/api/campaigns/{campaign}/npcs", null),
            route("POST", "/api/campaigns/{campaign}/npcs", "{\"name\": \"Intruder\", \"persona\": \"Sneaky.\", \"voice\": \"festival:slt\"}"),
            route("GET", "/api/campaigns/{campaign}/npcs/{npc}", null),
            route("PATCH", "/api/campaigns/{campaign}/npcs/{npc}", "{\"muted\": true, \"persona\": \"Rewritten.\"}"),
            route("DELETE", "/api/campaigns/{campaign}/npcs/{npc}", null),
            route("GET", "/api/campaigns/{campaign}/entities", null),
            route("GET", "/api/campaigns/{campaign}/entities?type=location", null),
            route("POST", "/api/campaigns/{campaign}/entities", "{\"type\": \"lore\", \"name\": \"Planted\", \"description\": \"x\"}"),
            route("GET", "/api/campaigns/{campaign}/entities/{entity}", null),
            route("PATCH", "/api/campaigns/{campaign}/entities/{entity}", "{\"description\": \"Rewritten.\"}"),
            route("DELETE", "/api/campaigns/{campaign}/entities/{entity}", null),
            route("POST", "/api/feedback", "{\"sessionId\": \"{session}\", \"submittedBy\": \"b\", \"voiceQuality\": 1,"
                    + " \"npcPersonality\": 1, \"responseSpeed\": 1, \"overall\": 1}"),
            listing("GET", "/api/feedback"),
            route("POST", "/api/sessions", "{\"campaignId\": \"{campaign}\", \"voiceChannel\": \"local\"}"),
            route("GET", "/api/sessions/{session}", null),
            route("POST", "/api/sessions/{session}/stop", "{\"reason\": \"B says stop\"}"),
            route("GET", "/api/sessions/{session}/transcript", null),
            listing("GET", "/api/sessions"),
            listing("GET", "/api/sessions?campaignId={campaign}"),
            listing("GET", "/api/tenant"),
            route("POST", "/api/sessions/{session}/npcs/{npc}/mute", "{}"),
            route("POST", "/api/sessions/{session}/npcs/{npc}/unmute", "{}"),
            route("POST", "/api/sessions/{session}/npcs/mute-all", "{}"),
            route("POST", "/api/sessions/{session}/npcs/unmute-all", "{}"),
            route("POST", "/api/sessions/{session}/npcs/{npc}/speak", "{\"text\": \"B speaks through A's NPC\"}"),
            route("POST", "/api/sessions/{session}/npcs/{npc}/direct", "{\"direction\": \"B directs A's NPC\"}"),
            route("GET", "/api/sessions/{session}/recap", null),
            route("GET", "/api/recap?campaignId={campaign}", null),
            route("POST", "/api/sessions/{session}/recap/voice", "{}"),
            route("POST", "/api/campaigns/{campaign}/entities/import",
                    "{\"name\": \"Planted lore\", \"pages\": [{\"name\": \"p\", \"type\": \"text\", \"text\": {\"content\": \"<p>x</p>\"}}]}"));

    static final String TENANT_B = "tenant-b";
    static final String KEY_B = "gxk_test-tenant-b-key";

    /** Placeholder → A's id. */
    final Map<String, String> ids = new LinkedHashMap<>();
    /** A's names and texts, none of which B may see. */
    final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void tenantsAAndB() throws SQLException {
        TestData.tenant(this, TENANT_B, KEY_B);
        String marker = UUID.randomUUID().toString();
        ImportedCampaign campaign = TestData.importExample(http);
        http.exchange(HttpRequest.PATCH("/api/campaigns/" + campaign.id(), Map.of("name", "Campaign of A " + marker)));
        NpcView npc = http.retrieve(HttpRequest.GET("/api/campaigns/" + campaign.id() + "/npcs"), NpcView[].class)[0];
        EntityView entity = http.retrieve(HttpRequest.GET("/api/campaigns/" + campaign.id() + "/entities"), EntityView[].class)[0];
        UUID session = UUID.randomUUID();
        execute("INSERT INTO sessions (id, tenant_id, campaign_id, status, voice_channel, started_by, started_at)"
                + " VALUES (?, 'local', ?, 'active', ?, ?, now())", session, campaign.id(), "channel of A " + marker, "GM of A " + marker);
        execute("INSERT INTO transcript_lines (tenant_id, session_id, kind, speaker, text, turn_id, utterance_id, source, spoken_at)"
                + " VALUES ('local', ?, 'player', ?, ?, 'turn-1', 'utterance-1', 'test', now())",
                session, "player of A " + marker, "line of A " + marker);
        FeedbackView feedback = http.retrieve(HttpRequest.POST("/api/feedback", Map.of("sessionId", session.toString(),
                "submittedBy", "rater of A " + marker, "voiceQuality", 4, "npcPersonality", 4, "responseSpeed", 4,
                "overall", 4, "comment", "comment of A " + marker)), FeedbackView.class);

        execute("INSERT INTO npc_directions (tenant_id, session_id, npc_id, direction) VALUES ('local', ?, ?, ?)",
                session, npc.id(), "direction of A " + marker);

        ids.put("{campaign}", campaign.id().toString());
        ids.put("{npc}", npc.id().toString());
        ids.put("{entity}", entity.id().toString());
        ids.put("{session}", session.toString());
        ids.put("{feedback}", feedback.id().toString());
        secrets.addAll(List.of(marker, npc.name(), npc.persona(), entity.name(), entity.description(), "Elara", "Grimjaw"));
    }

    @Test
    void tenantBSeesAndChangesNothingOfTenantA() throws SQLException {
        List<String> before = rowsOfA();
        long rowsOfB = rowsOfB();
        SoftAssertions softly = new SoftAssertions();

        for (Route route : ROUTES) {
            Answer answer = send(route, ids, KEY_B);
            Map<String, String> nowhere = new LinkedHashMap<>();
            ids.keySet().forEach(p -> nowhere.put(p, UUID.randomUUID().toString()));
            Answer unknown = send(route, nowhere, KEY_B);
            String request = fill(route.path(), ids) + " " + fill(route.body(), ids);

            softly.assertThat(answer.status()).as("%s: status", route).isEqualTo(route.listing() ? 200 : 404);
            softly.assertThat(unmask(answer.body(), ids)).as("%s: the same answer as for ids that exist nowhere", route)
                    .isEqualTo(unmask(unknown.body(), nowhere));
            for (String secret : secrets) {
                softly.assertThat(answer.body()).as("%s: answer", route).doesNotContainIgnoringCase(secret);
            }
            ids.values().stream().filter(id -> !request.contains(id)).forEach(id ->
                    softly.assertThat(answer.body()).as("%s: answer", route).doesNotContain(id));
        }
        softly.assertAll();
        assertThat(rowsOfA()).as("A's rows").containsExactlyElementsOf(before);
        assertThat(rowsOfB()).as("rows B created").isEqualTo(rowsOfB);
    }

    @Test
    void tenantAReachesItsOwnRows() {
        // Guards the test above: A's ids are real, so B's 404s come from isolation, not from bad ids.
        for (Route route : ROUTES) {
            if (route.method().equals("GET")) {
                assertThat(send(route, ids, LOCAL_KEY).status()).as("%s as A", route).isEqualTo(200);
            }
        }
    }

    @Test
    void aMissingOrWrongKeyIsUnauthorized() throws SQLException {
        List<String> before = rowsOfA();
        for (Route route : ROUTES) {
            assertThat(send(route, ids, LocalKeyClientFilter.NONE).status()).as("%s without a key", route).isEqualTo(401);
            assertThat(send(route, ids, "gxk_not-a-key").status()).as("%s with a wrong key", route).isEqualTo(401);
        }
        assertThat(rowsOfA()).containsExactlyElementsOf(before);
    }

    record Answer(int status, String body) {
    }

    private Answer send(Route route, Map<String, String> placeholders, String key) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(route.method()), fill(route.path(), placeholders));
        if (route.body() != null) {
            request.body(fill(route.body(), placeholders)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (LocalKeyClientFilter.NONE.equals(key)) {
            request.header("Authorization", LocalKeyClientFilter.NONE);
        } else {
            request.bearerAuth(key);
        }
        try {
            var response = http.exchange(request, String.class);
            return new Answer(response.code(), response.getBody(String.class).orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private static String fill(@Nullable String template, Map<String, String> placeholders) {
        String filled = template == null ? "" : template;
        for (var p : placeholders.entrySet()) {
            filled = filled.replace(p.getKey(), p.getValue());
        }
        return filled;
    }

    private static String unmask(String body, Map<String, String> placeholders) {
        String masked = body;
        for (var p : placeholders.entrySet()) {
            masked = masked.replace(p.getValue(), p.getKey());
        }
        return masked;
    }

    /** Every row of A's test data, as JSON, in a stable order. */
    private List<String> rowsOfA() throws SQLException {
        UUID campaign = UUID.fromString(ids.get("{campaign}"));
        UUID session = UUID.fromString(ids.get("{session}"));
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("SELECT row_to_json(t)::text FROM campaigns t WHERE id = ?", campaign));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM npcs t WHERE campaign_id = ? ORDER BY id", campaign));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM entities t WHERE campaign_id = ? ORDER BY id", campaign));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM sessions t WHERE campaign_id = ? ORDER BY id", campaign));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM transcript_lines t WHERE session_id = ? ORDER BY id", session));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM feedback t WHERE session_id = ? ORDER BY id", session));
        rows.addAll(rows("SELECT row_to_json(t)::text FROM npc_directions t WHERE session_id = ? ORDER BY npc_id", session));
        assertThat(rows).hasSizeGreaterThan(10);
        return rows;
    }

    private long rowsOfB() {
        return count("SELECT (SELECT count(*) FROM campaigns WHERE tenant_id = ?) + (SELECT count(*) FROM npcs WHERE tenant_id = ?)"
                + " + (SELECT count(*) FROM entities WHERE tenant_id = ?) + (SELECT count(*) FROM sessions WHERE tenant_id = ?)"
                + " + (SELECT count(*) FROM feedback WHERE tenant_id = ?) + (SELECT count(*) FROM npc_directions WHERE tenant_id = ?)",
                TENANT_B, TENANT_B, TENANT_B, TENANT_B, TENANT_B, TENANT_B);
    }

    private List<String> rows(String sql, Object... params) throws SQLException {
        try (Connection c = stack.database().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static Route route(String method, String path, @Nullable String body) {
        return new Route(method, path, body, false);
    }

    private static Route listing(String method, String path) {
        return new Route(method, path, null, true);
    }
}
