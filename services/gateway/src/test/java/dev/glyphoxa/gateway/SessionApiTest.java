package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class SessionApiTest extends GatewayStack {


    @Test
    void startPublishesSessionStartedWithTheCampaignSnapshot() {
        ImportedCampaign campaign = TestData.importExample(http);

        HttpResponse<SessionStatus> response = http.exchange(HttpRequest.POST("/api/sessions",
                Map.of("campaignId", campaign.id().toString(), "voiceChannel", "local")), SessionStatus.class);

        assertThat(response.code()).isEqualTo(201);
        SessionStatus session = response.body();
        assertThat(session.status()).isEqualTo("active");
        assertThat(session.campaignId()).isEqualTo(campaign.id());
        ControlEvent event = awaitControl(session.sessionId(), e -> e.getEvent() instanceof SessionStarted);
        assertThat(event.getSessionId()).isEqualTo(session.sessionId().toString());
        assertThat(event.getTenantId()).isEqualTo("local");
        SessionStarted started = (SessionStarted) event.getEvent();
        assertThat(started.getCampaignId()).isEqualTo(campaign.id().toString());
        assertThat(started.getCampaignName()).isEqualTo("The Rusty Anchor");
        assertThat(started.getVoiceChannel()).isEqualTo("local");
        assertThat(started.getNarratorVoice()).isEqualTo("festival:slt");
        assertThat(started.getNpcs()).extracting(NpcProfile::getName).containsExactlyInAnyOrder("Grimjaw", "Elara");
        NpcProfile grimjaw = started.getNpcs().stream().filter(n -> n.getName().equals("Grimjaw")).findFirst().orElseThrow();
        assertThat(grimjaw.getAliases()).containsExactly("the blacksmith", "the dwarf");
        assertThat(grimjaw.getVoice()).isEqualTo("espeak:en+m3");
        assertThat(grimjaw.getPersona()).contains("dwarf blacksmith");
        assertThat(grimjaw.getMuted()).isFalse();
        assertThat(UUID.fromString(grimjaw.getNpcId())).isNotNull();
        assertThat(started.getEntities()).hasSize(7);
        assertThat(started.getEntities()).extracting(KnowledgeEntity::getName)
                .contains("The Rusty Anchor", "The Sunken Mine", "The Tidecaller Pearl", "The Tide Lords", "Find Tomas");
        KnowledgeEntity pearl = started.getEntities().stream().filter(e -> e.getName().equals("The Tidecaller Pearl"))
                .findFirst().orElseThrow();
        assertThat(pearl.getType()).isEqualTo("item");
        assertThat(pearl.getDescription()).contains("black pearl");
        assertThat(pearl.getTags()).contains("artifact");
    }

    @Test
    void secondStartForTheSameCampaignIsRefused() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus first = TestData.startSession(http, campaign.id());

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> TestData.startSession(http, campaign.id()));

        assertThat(e.code()).isEqualTo(409);
        assertThat(TestData.error(e).message()).contains("already has an active session", first.sessionId().toString());
        assertThat(count("SELECT count(*) FROM sessions WHERE campaign_id = ?", campaign.id())).isEqualTo(1);
    }

    @Test
    void stopPublishesSessionStoppedAndFreesTheCampaign() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus session = TestData.startSession(http, campaign.id());

        SessionStatus stopped = http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/stop",
                Map.of("reason", "the party went home")), SessionStatus.class);

        assertThat(stopped.status()).isEqualTo("ended");
        assertThat(stopped.endReason()).isEqualTo("the party went home");
        assertThat(stopped.endedAt()).isNotNull();
        ControlEvent event = awaitControl(session.sessionId(), e -> e.getEvent() instanceof SessionStopped);
        assertThat(((SessionStopped) event.getEvent()).getReason()).isEqualTo("the party went home");

        HttpClientResponseException again = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/stop", "{}")));
        assertThat(again.code()).isEqualTo(409);
        assertThat(TestData.startSession(http, campaign.id()).status()).isEqualTo("active");
    }

    @Test
    void invalidRequestsNameTheField() {
        assertThat(refusal(Map.of("voiceChannel", "local"))).isEqualTo("campaignId");
        assertThat(refusal(Map.of("campaignId", "not-a-uuid", "voiceChannel", "local"))).isEqualTo("campaignId");
        ImportedCampaign campaign = TestData.importExample(http);
        assertThat(refusal(Map.of("campaignId", campaign.id().toString()))).isEqualTo("voiceChannel");
        assertThat(refusal(Map.of("campaignId", campaign.id().toString(), "voiceChannel", " "))).isEqualTo("voiceChannel");
        assertThat(count("SELECT count(*) FROM sessions WHERE campaign_id = ?", campaign.id())).isZero();
    }

    @Test
    void unknownIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertThat(status(HttpRequest.POST("/api/sessions", Map.of("campaignId", unknown, "voiceChannel", "local")))).isEqualTo(404);
        assertThat(status(HttpRequest.POST("/api/sessions/" + unknown + "/stop", "{}"))).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/sessions/" + unknown + "/transcript"))).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/sessions/not-a-session/transcript"))).isEqualTo(404);
    }

    @Test
    void databaseAllowsOneLiveSessionPerCampaign() throws SQLException {
        // The guard behind the 409 when two starts race past the application's check.
        ImportedCampaign campaign = TestData.importExample(http);
        String insert = "INSERT INTO sessions (id, tenant_id, campaign_id, status, voice_channel, started_by) VALUES (?, 'local', ?, ?, 'local', 'test')";
        execute(insert, UUID.randomUUID(), campaign.id(), "active");

        assertThatThrownBy(() -> execute(insert, UUID.randomUUID(), campaign.id(), "pending"))
                .isInstanceOf(SQLException.class).hasMessageContaining("sessions_one_live_per_campaign");
    }

    private String refusal(Map<String, String> body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/sessions", body)));
        assertThat(e).as("expected %s to be refused", body).isNotNull();
        assertThat(e.code()).isEqualTo(400);
        return TestData.error(e).field();
    }

    private int status(HttpRequest<?> request) {
        return status(http, request);
    }
}
