package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.NpcControlController.NpcDirectionState;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.schema.NpcDirection;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Standing GM directions over the admin API: each observed as its NpcDirection on the real topic, kept per session
 * and NPC in PostgreSQL, and shown in the session status.
 */
@MicronautTest(transactional = false)
class NpcDirectionTest extends GatewayStack {

    private static final String DRUNK = "You are drunk tonight.";
    private static final String WARY = "Be wary of the elf, she stole from you.";

    @Test
    void aDirectionIsPublishedShownReplacedAndCleared() {
        SessionStatus session = newSession();
        UUID grimjaw = npcId(session, "Grimjaw");

        NpcDirectionState set = direct(session, "the%20blacksmith", Map.of("direction", "  " + DRUNK + "  "));

        assertThat(set.npcId()).isEqualTo(grimjaw);
        assertThat(set.direction()).isEqualTo(DRUNK);
        assertThat(event(session, grimjaw, DRUNK).getDirection()).isEqualTo(DRUNK);
        assertThat(directionOf(session, "Grimjaw")).isEqualTo(DRUNK);
        assertThat(directionOf(session, "Elara")).isNull();

        direct(session, "Grimjaw", Map.of("direction", WARY));
        event(session, grimjaw, WARY);
        assertThat(directionOf(session, "Grimjaw")).isEqualTo(WARY);
        assertThat(count("SELECT count(*) FROM npc_directions WHERE session_id = ?", session.sessionId())).isEqualTo(1);

        NpcDirectionState cleared = direct(session, grimjaw.toString(), Map.of("direction", "   "));

        assertThat(cleared.direction()).isNull();
        event(session, grimjaw, null);
        assertThat(directionOf(session, "Grimjaw")).isNull();
        assertThat(count("SELECT count(*) FROM npc_directions WHERE session_id = ?", session.sessionId())).isZero();
    }

    @Test
    void anAbsentDirectionClearsToo() {
        SessionStatus session = newSession();
        UUID elara = npcId(session, "Elara");
        direct(session, "Elara", Map.of("direction", WARY));

        assertThat(direct(session, "Elara", Map.of()).direction()).isNull();

        event(session, elara, null);
        assertThat(directionOf(session, "Elara")).isNull();
    }

    @Test
    void directionsBelongToOneSession() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus first = TestData.startSession(http, campaign.id());
        direct(first, "Grimjaw", Map.of("direction", DRUNK));
        http.retrieve(HttpRequest.POST("/api/sessions/" + first.sessionId() + "/stop", "{}"), SessionStatus.class);

        SessionStatus second = TestData.startSession(http, campaign.id());

        SessionStarted started = (SessionStarted) awaitControl(second.sessionId(), e -> e.getEvent() instanceof SessionStarted)
                .getEvent();
        assertThat(started.getNpcs()).hasSize(2).extracting(NpcProfile::getDirection).containsOnlyNulls();
        assertThat(second.npcs()).extracting(SessionStatus.NpcState::direction).containsOnlyNulls();
        assertThat(directionOf(first, "Grimjaw")).as("the ended session still shows what it was").isEqualTo(DRUNK);
    }

    @Test
    void badDirectionsAreRefusedAndNothingIsKept() {
        SessionStatus session = newSession();

        HttpClientResponseException tooLong = refused(session, "Grimjaw", Map.of("direction", "a".repeat(501)));
        assertThat(tooLong.code()).isEqualTo(400);
        assertThat(TestData.error(tooLong).field()).isEqualTo("direction");
        assertThat(TestData.error(tooLong).message()).contains("500 characters");
        // 500 characters after stripping are fine
        assertThat(direct(session, "Grimjaw", Map.of("direction", " " + "a".repeat(500) + " ")).direction()).hasSize(500);

        HttpClientResponseException unknown = refused(session, "Bob", Map.of("direction", DRUNK));
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(TestData.error(unknown).message()).contains("no NPC 'Bob'", "Elara", "Grimjaw");

        http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/stop", "{}"), SessionStatus.class);
        HttpClientResponseException ended = refused(session, "Elara", Map.of("direction", DRUNK));
        assertThat(ended.code()).isEqualTo(409);
        assertThat(directionOf(session, "Elara")).isNull();
    }

    private SessionStatus newSession() {
        return TestData.startSession(http, TestData.importExample(http).id());
    }

    private NpcDirection event(SessionStatus session, UUID npc, String direction) {
        return (NpcDirection) awaitControl(session.sessionId(), e -> e.getEvent() instanceof NpcDirection d
                && d.getNpcId().equals(npc.toString()) && java.util.Objects.equals(d.getDirection(), direction)).getEvent();
    }

    private static UUID npcId(SessionStatus session, String name) {
        return session.npcs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().npcId();
    }

    private String directionOf(SessionStatus session, String name) {
        SessionStatus now = http.retrieve(HttpRequest.GET("/api/sessions/" + session.sessionId()), SessionStatus.class);
        return now.npcs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().direction();
    }

    private NpcDirectionState direct(SessionStatus session, String npc, Map<String, String> body) {
        return http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/npcs/" + npc + "/direct", body),
                NpcDirectionState.class);
    }

    private HttpClientResponseException refused(SessionStatus session, String npc, Object body) {
        String path = "/api/sessions/" + session.sessionId() + "/npcs/" + npc + "/direct";
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST(path, body)));
        assertThat(e).as("expected %s to be refused", path).isNotNull();
        return e;
    }
}
