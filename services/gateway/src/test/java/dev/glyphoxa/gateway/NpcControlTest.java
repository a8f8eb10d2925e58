package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.NpcControlController.NpcMuteState;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.SpeakAsNpc;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Mute, unmute, mute all, unmute all and speak: each observed as its control event on the real topic. */
@MicronautTest(transactional = false)
class NpcControlTest extends GatewayStack {


    @Test
    void muteAndUnmuteOneNpcByNameArePublishedAndRemembered() {
        SessionStatus session = newSession();
        UUID grimjaw = npcId(session, "Grimjaw");

        NpcMuteState muted = post(session, "/npcs/grimjaw/mute", NpcMuteState.class);

        assertThat(muted.muted()).isTrue();
        assertThat(muted.npcId()).isEqualTo(grimjaw);
        NpcMuteChanged event = (NpcMuteChanged) awaitControl(session.sessionId(), e -> e.getEvent() instanceof NpcMuteChanged m
                && m.getMuted() && grimjaw.toString().equals(m.getNpcId())).getEvent();
        assertThat(event.getNpcId()).isEqualTo(grimjaw.toString());
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND muted", grimjaw)).isEqualTo(1);
        assertThat(status(session).npcs()).filteredOn(n -> n.name().equals("Elara")).noneMatch(SessionStatus.NpcState::muted);

        // an alias names the NPC too
        assertThat(post(session, "/npcs/the%20blacksmith/unmute", NpcMuteState.class).muted()).isFalse();
        awaitControl(session.sessionId(), e -> e.getEvent() instanceof NpcMuteChanged m && !m.getMuted()
                && grimjaw.toString().equals(m.getNpcId()));
        assertThat(count("SELECT count(*) FROM npcs WHERE id = ? AND muted", grimjaw)).isZero();
    }

    @Test
    void muteAllAndUnmuteAllAddressEveryNpc() {
        SessionStatus session = newSession();

        List<NpcMuteState> all = http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/npcs/mute-all", "{}"),
                Argument.listOf(NpcMuteState.class));

        assertThat(all).hasSize(2).allMatch(NpcMuteState::muted);
        awaitControl(session.sessionId(), e -> e.getEvent() instanceof NpcMuteChanged m && m.getNpcId() == null && m.getMuted());
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", session.campaignId())).isEqualTo(2);

        http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/npcs/unmute-all", "{}"),
                Argument.listOf(NpcMuteState.class));
        awaitControl(session.sessionId(), e -> e.getEvent() instanceof NpcMuteChanged m && m.getNpcId() == null && !m.getMuted());
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", session.campaignId())).isZero();
    }

    @Test
    void speakPublishesTheTextVerbatim() {
        SessionStatus session = newSession();
        UUID elara = npcId(session, "Elara");

        http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/npcs/Elara/speak",
                Map.of("text", "  The tide turns at midnight.  ")), NpcMuteState.class);

        SpeakAsNpc said = (SpeakAsNpc) awaitControl(session.sessionId(), e -> e.getEvent() instanceof SpeakAsNpc).getEvent();
        assertThat(said.getNpcId()).isEqualTo(elara.toString());
        assertThat(said.getText()).isEqualTo("The tide turns at midnight.");
    }

    @Test
    void badDirectionsAreRefusedWithWhatToDo() {
        SessionStatus session = newSession();

        HttpClientResponseException unknown = refused("/api/sessions/" + session.sessionId() + "/npcs/Bob/mute", "{}");
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(TestData.error(unknown).message()).contains("no NPC 'Bob'", "Elara", "Grimjaw");

        HttpClientResponseException blank = refused("/api/sessions/" + session.sessionId() + "/npcs/Elara/speak", Map.of("text", " "));
        assertThat(blank.code()).isEqualTo(400);
        assertThat(TestData.error(blank).field()).isEqualTo("text");

        HttpClientResponseException tooLong = refused("/api/sessions/" + session.sessionId() + "/npcs/Elara/speak",
                Map.of("text", "a".repeat(501)));
        assertThat(tooLong.code()).isEqualTo(400);

        http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/stop", "{}"), SessionStatus.class);
        HttpClientResponseException ended = refused("/api/sessions/" + session.sessionId() + "/npcs/Elara/mute", "{}");
        assertThat(ended.code()).isEqualTo(409);
        assertThat(TestData.error(ended).message()).contains("has ended");
        assertThat(count("SELECT count(*) FROM npcs WHERE campaign_id = ? AND muted", session.campaignId())).isZero();
    }

    private SessionStatus newSession() {
        ImportedCampaign campaign = TestData.importExample(http);
        return TestData.startSession(http, campaign.id());
    }

    private UUID npcId(SessionStatus session, String name) {
        return session.npcs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().npcId();
    }

    private SessionStatus status(SessionStatus session) {
        return http.retrieve(HttpRequest.GET("/api/sessions/" + session.sessionId()), SessionStatus.class);
    }

    private <T> T post(SessionStatus session, String path, Class<T> type) {
        return http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + path, "{}"), type);
    }

    private HttpClientResponseException refused(String path, Object body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST(path, body)));
        assertThat(e).as("expected %s to be refused", path).isNotNull();
        return e;
    }
}
