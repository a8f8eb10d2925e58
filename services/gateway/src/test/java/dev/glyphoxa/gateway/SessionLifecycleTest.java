package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionJanitor;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.gateway.tenant.ApiKeys;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.SessionStopped;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Session start/stop/status rules on the real database and broker: guild slot, quota, usage, sweeps. */
@MicronautTest(transactional = false)
class SessionLifecycleTest extends GatewayStack {

    @Inject
    SessionJanitor janitor;


    @Test
    void aDiscordServerRunsOneSessionAtATime() throws SQLException {
        String guild = newGuild("local");
        ImportedCampaign first = TestData.importExample(http);
        ImportedCampaign second = TestData.importExample(http);
        SessionStatus running = start(first.id(), guild, null);
        assertThat(running.guildId()).isEqualTo(guild);

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> start(second.id(), guild, null));

        assertThat(e.code()).isEqualTo(409);
        assertThat(TestData.error(e).message()).contains("Discord server already has an active session",
                running.sessionId().toString());
        assertThat(count("SELECT count(*) FROM sessions WHERE campaign_id = ?", second.id())).isZero();
        // The same campaign is refused by its own rule, even in another server.
        HttpClientResponseException sameCampaign = catchThrowableOfType(HttpClientResponseException.class,
                () -> start(first.id(), newGuild("local"), null));
        assertThat(sameCampaign.code()).isEqualTo(409);
        assertThat(TestData.error(sameCampaign).message()).contains("campaign 'The Rusty Anchor' already has an active session");
    }

    @Test
    void databaseAllowsOneLiveSessionPerGuild() throws SQLException {
        // The guard behind the 409 when two starts race past the application's check.
        String guild = newGuild("local");
        String insert = "INSERT INTO sessions (id, tenant_id, campaign_id, status, voice_channel, started_by, guild_id) "
                + "VALUES (?, 'local', ?, 'active', 'vc', 'test', ?)";
        execute(insert, UUID.randomUUID(), TestData.importExample(http).id(), guild);

        assertThatThrownBy(() -> execute(insert, UUID.randomUUID(), TestData.importExample(http).id(), guild))
                .isInstanceOf(SQLException.class).hasMessageContaining("sessions_one_live_per_guild");
    }

    @Test
    void aServerOfAnotherTenantCannotBeUsed() throws SQLException {
        execute("INSERT INTO tenants (id, name) VALUES ('guild-owner', 'Guild owner') ON CONFLICT DO NOTHING");
        String foreign = newGuild("guild-owner");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> start(TestData.importExample(http).id(), foreign, null));

        assertThat(e.code()).isEqualTo(404);
        assertThat(TestData.error(e).message()).contains("not registered to this tenant");
    }

    @Test
    void stoppingBooksTheSessionTimeAndTheQuotaRefusesOnceUsedUp() throws SQLException {
        String tenant = "quota-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ApiKeys.generate();
        execute("INSERT INTO tenants (id, name, license_tier, api_key_hash, monthly_session_hours) VALUES (?, 'Quota', 'free', ?, 2)",
                tenant, ApiKeys.hash(key));
        ImportedCampaign campaign = http.retrieve(HttpRequest.POST("/api/campaigns", TestData.exampleYaml())
                .contentType("application/yaml").bearerAuth(key), ImportedCampaign.class);
        SessionStatus session = http.retrieve(HttpRequest.POST("/api/sessions",
                Map.of("campaignId", campaign.id().toString(), "voiceChannel", "local")).bearerAuth(key), SessionStatus.class);
        // The session ran for two and a half hours.
        execute("UPDATE sessions SET started_at = now() - interval '150 minutes' WHERE id = ?", session.sessionId());

        SessionStatus stopped = http.retrieve(HttpRequest.POST("/api/sessions/" + session.sessionId() + "/stop", "{}")
                .bearerAuth(key), SessionStatus.class);

        assertThat(stopped.durationSeconds()).isBetween(150 * 60L, 151 * 60L);
        assertThat(count("SELECT session_seconds FROM tenant_usage WHERE tenant_id = ?", tenant)).isBetween(150 * 60L, 151 * 60L);
        assertThat(count("SELECT sessions FROM tenant_usage WHERE tenant_id = ?", tenant)).isEqualTo(1);
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/sessions", Map.of("campaignId", campaign.id().toString(),
                        "voiceChannel", "local")).bearerAuth(key)));
        assertThat(e.code()).isEqualTo(403);
        assertThat(TestData.error(e).message()).contains("used up", "of 2 hours", "resets on");
        assertThat(count("SELECT count(*) FROM sessions WHERE tenant_id = ? AND status <> 'ended'", tenant)).isZero();
    }

    @Test
    void statusShowsWhoWhereHowLongTheNpcsAndTheTranscriptSize() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus started = start(campaign.id(), null, "gm-alice");
        produce(Topics.TRANSCRIPTS.name(), started.sessionId().toString(), Topics.TRANSCRIPTS.valueSerde().encode(
                TestData.transcript(started.sessionId().toString(), "u-1", "Elara, what news?", System.currentTimeMillis())));

        assertThat(eventually(() -> status(started.sessionId()).transcriptLines() == 1)).isTrue();
        SessionStatus status = status(started.sessionId());
        assertThat(status.startedBy()).isEqualTo("gm-alice");
        assertThat(status.campaignName()).isEqualTo("The Rusty Anchor");
        assertThat(status.voiceChannel()).isEqualTo("local");
        assertThat(status.status()).isEqualTo("active");
        assertThat(status.npcs()).extracting(SessionStatus.NpcState::name).containsExactly("Elara", "Grimjaw");
        assertThat(status.npcs()).noneMatch(SessionStatus.NpcState::muted);
        assertThat(status.lastActivityAt()).isAfterOrEqualTo(status.startedAt());
    }

    @Test
    void theSweepEndsIdleSessionsAndStartsLeftPendingByACrash() throws SQLException {
        ImportedCampaign idleCampaign = TestData.importExample(http);
        SessionStatus idle = start(idleCampaign.id(), null, null);
        execute("UPDATE sessions SET last_activity_at = now() - interval '2 hours' WHERE id = ?", idle.sessionId());
        UUID pending = UUID.randomUUID();
        execute("INSERT INTO sessions (id, tenant_id, campaign_id, status, voice_channel, started_by, created_at) "
                + "VALUES (?, 'local', ?, 'pending', 'local', 'crashed-gateway', now() - interval '10 minutes')",
                pending, TestData.importExample(http).id());
        SessionStatus busy = start(TestData.importExample(http).id(), null, null);

        janitor.sweep(Instant.now());

        assertThat(status(idle.sessionId()).status()).isEqualTo("ended");
        assertThat(status(idle.sessionId()).endReason()).startsWith("idle");
        assertThat(status(pending).status()).isEqualTo("ended");
        assertThat(status(pending).endReason()).contains("start interrupted");
        assertThat(status(busy.sessionId()).status()).isEqualTo("active");
        assertThat(((SessionStopped) awaitControl(idle.sessionId(), e -> e.getEvent() instanceof SessionStopped).getEvent())
                .getReason()).startsWith("idle");
        awaitControl(pending, e -> e.getEvent() instanceof SessionStopped);
    }

    private SessionStatus start(UUID campaignId, String guildId, String startedBy) {
        Map<String, String> body = new HashMap<>(Map.of("campaignId", campaignId.toString(), "voiceChannel", "vc-1"));
        if (guildId != null) {
            body.put("guildId", guildId);
        }
        if (startedBy != null) {
            body.put("startedBy", startedBy);
        }
        if (guildId == null) {
            body.put("voiceChannel", "local");
        }
        return http.retrieve(HttpRequest.POST("/api/sessions", body), SessionStatus.class);
    }

    private SessionStatus status(UUID sessionId) {
        return http.retrieve(HttpRequest.GET("/api/sessions/" + sessionId), SessionStatus.class);
    }

    private String newGuild(String tenant) throws SQLException {
        String guild = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
        execute("INSERT INTO tenant_guilds (guild_id, tenant_id) VALUES (?, ?)", guild, tenant);
        return guild;
    }
}
