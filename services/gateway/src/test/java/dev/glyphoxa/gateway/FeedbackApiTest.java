package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.feedback.FeedbackController.FeedbackList;
import dev.glyphoxa.gateway.feedback.FeedbackController.FeedbackView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** Runs as a tenant of its own, so the averages are over this test's feedback only. */
@MicronautTest(transactional = false)
class FeedbackApiTest extends GatewayStack {

    static final String TENANT = "feedback-test";
    static final String KEY = "gxk_test-feedback-tenant-key";

    @BeforeAll
    void setUp() throws Exception {
        TestData.tenant(this, TENANT, KEY);
        execute("DELETE FROM feedback WHERE tenant_id = ?", TENANT);
    }

    @Test
    void feedbackIsStoredAndListedNewestFirstWithAverages() throws Exception {
        UUID campaign = UUID.randomUUID();
        execute("INSERT INTO campaigns (id, tenant_id, name, game_system, narrator_voice) VALUES (?, ?, 'Rated', 'x', 'festival:slt')",
                campaign, TENANT);
        UUID session = TestData.endedSession(this, TENANT, campaign);

        HttpResponse<FeedbackView> first = http.exchange(post(Map.of("sessionId", session.toString(), "submittedBy", "alice#1",
                "voiceQuality", 5, "npcPersonality", 4, "responseSpeed", 3, "overall", 4, "comment", " Grimjaw was great ")),
                FeedbackView.class);
        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body().comment()).isEqualTo("Grimjaw was great");
        assertThat(count("SELECT count(*) FROM feedback WHERE id = ? AND tenant_id = ? AND session_id = ? AND submitted_by = 'alice#1'"
                + " AND voice_quality = 5 AND npc_personality = 4 AND response_speed = 3 AND overall = 4"
                + " AND comment = 'Grimjaw was great'", first.body().id(), TENANT, session)).isEqualTo(1);
        FeedbackView second = http.retrieve(post(Map.of("submittedBy", "bob",
                "voiceQuality", 2, "npcPersonality", 3, "responseSpeed", 1, "overall", 3)), FeedbackView.class);
        assertThat(count("SELECT count(*) FROM feedback WHERE id = ? AND session_id IS NULL AND comment = ''", second.id())).isEqualTo(1);

        FeedbackList list = http.retrieve(HttpRequest.GET("/api/feedback").bearerAuth(KEY), FeedbackList.class);
        assertThat(list.count()).isEqualTo(2);
        assertThat(list.feedback()).extracting(FeedbackView::id).containsExactly(second.id(), first.body().id());
        assertThat(list.voiceQuality()).isCloseTo(3.5, within(1e-9));
        assertThat(list.npcPersonality()).isCloseTo(3.5, within(1e-9));
        assertThat(list.responseSpeed()).isCloseTo(2.0, within(1e-9));
        assertThat(list.overall()).isCloseTo(3.5, within(1e-9));
        assertThat(http.retrieve(HttpRequest.GET("/api/feedback?limit=1").bearerAuth(KEY), FeedbackList.class).feedback())
                .extracting(FeedbackView::id).containsExactly(second.id());
    }

    @Test
    void invalidFeedbackIsRefusedNamingEachField() {
        long before = count("SELECT count(*) FROM feedback WHERE tenant_id = ?", TENANT);
        Map<String, Object> valid = Map.of("submittedBy", "carol", "voiceQuality", 3, "npcPersonality", 3,
                "responseSpeed", 3, "overall", 3);

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(post(Map.of("voiceQuality", 0, "npcPersonality", 6))));
        assertThat(e.code()).isEqualTo(400);
        assertThat(TestData.error(e).problems()).extracting(ApiException.Problem::field)
                .containsExactlyInAnyOrder("submittedBy", "voiceQuality", "npcPersonality", "responseSpeed", "overall");
        assertThat(refused(with(valid, "overall", 3.5))).isEqualTo("overall");
        assertThat(refused(with(valid, "responseSpeed", "five"))).isEqualTo("responseSpeed");
        assertThat(refused(with(valid, "submittedBy", " "))).isEqualTo("submittedBy");
        assertThat(refused(with(valid, "submittedBy", "x".repeat(201)))).isEqualTo("submittedBy");
        assertThat(refused(with(valid, "comment", "c".repeat(2001)))).isEqualTo("comment");
        assertThat(refused(with(valid, "sessionId", "not-a-session"))).isEqualTo("sessionId");
        assertThat(TestData.refusedField(http, HttpRequest.GET("/api/feedback?limit=many").bearerAuth(KEY))).isEqualTo("limit");
        assertThat(TestData.refusedField(http, HttpRequest.GET("/api/feedback?limit=0").bearerAuth(KEY))).isEqualTo("limit");

        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(post(with(valid, "sessionId", UUID.randomUUID().toString()))));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(TestData.error(unknown).message()).isEqualTo("no such session");
        assertThat(count("SELECT count(*) FROM feedback WHERE tenant_id = ?", TENANT)).isEqualTo(before);
    }

    private HttpRequest<?> post(Map<String, Object> body) {
        return HttpRequest.POST("/api/feedback", body).bearerAuth(KEY);
    }

    private String refused(Map<String, Object> body) {
        return TestData.refusedField(http, post(body));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
