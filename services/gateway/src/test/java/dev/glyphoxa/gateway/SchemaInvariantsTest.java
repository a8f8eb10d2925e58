package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the database itself guarantees, whatever the application code does. */
@MicronautTest(transactional = false)
class SchemaInvariantsTest extends GatewayStack {

    static final String OTHER = "schema-other";

    @BeforeAll
    void setUp() throws SQLException {
        execute("INSERT INTO tenants (id, name) VALUES (?, 'Other') ON CONFLICT DO NOTHING", OTHER);
    }

    @Test
    void migrationsRunOnceAndARestartAppliesNothing() {
        long applied = count("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success");
        long files;
        try (var migrations = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            files = migrations.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(applied).isEqualTo(files).isGreaterThanOrEqualTo(3);

        // A second gateway starting against the same database (a restart, or another replica) migrates nothing.
        try (ApplicationContext second = ApplicationContext.run(new java.util.HashMap<String, Object>(getProperties()))) {
            assertThat(second.isRunning()).isTrue();
        }

        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")).isEqualTo(applied);
    }

    @Test
    void noRowCanPointIntoAnotherTenantsData() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus session = TestData.startSession(http, campaign.id());

        assertThatThrownBy(() -> execute("INSERT INTO npcs (id, tenant_id, campaign_id, name, persona, voice) "
                + "VALUES (?, ?, ?, 'Spy', 'x', 'festival:slt')", UUID.randomUUID(), OTHER, campaign.id()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> execute("INSERT INTO entities (id, tenant_id, campaign_id, type, name, description) "
                + "VALUES (?, ?, ?, 'lore', 'Planted', 'x')", UUID.randomUUID(), OTHER, campaign.id()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> execute("INSERT INTO transcript_lines (tenant_id, session_id, kind, speaker, text, turn_id, "
                + "utterance_id, source, spoken_at) VALUES (?, ?, 'player', 'p', 'x', 't', 'u', 's', now())", OTHER, session.sessionId()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> execute("INSERT INTO feedback (id, tenant_id, session_id, submitted_by, voice_quality, "
                + "npc_personality, response_speed, overall) VALUES (?, ?, ?, 'b', 1, 1, 1, 1)", UUID.randomUUID(), OTHER, session.sessionId()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> execute("INSERT INTO cut_turns (tenant_id, session_id, turn_id, npc_id, lines_played, reason, "
                + "cut_at) VALUES (?, ?, 't', 'n', 0, 'BARGE_IN', now())", OTHER, session.sessionId()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        UUID npc = session.npcs().getFirst().npcId();
        assertThatThrownBy(() -> execute("INSERT INTO npc_directions (tenant_id, session_id, npc_id, direction) "
                + "VALUES (?, ?, ?, 'Lurk.')", OTHER, session.sessionId(), npc))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
        assertThatThrownBy(() -> execute("INSERT INTO tenant_guilds (guild_id, tenant_id, current_campaign_id) VALUES (?, ?, ?)",
                "4" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), OTHER, campaign.id()))
                .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
    }

    @Test
    void aDirectionIsOneToFiveHundredCharacters() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus session = TestData.startSession(http, campaign.id());
        UUID npc = session.npcs().getFirst().npcId();

        assertThatThrownBy(() -> execute("INSERT INTO npc_directions (tenant_id, session_id, npc_id, direction) "
                + "VALUES ('local', ?, ?, ?)", session.sessionId(), npc, "a".repeat(501)))
                .isInstanceOf(SQLException.class).hasMessageContaining("direction");
        assertThatThrownBy(() -> execute("INSERT INTO npc_directions (tenant_id, session_id, npc_id, direction) "
                + "VALUES ('local', ?, ?, '')", session.sessionId(), npc))
                .isInstanceOf(SQLException.class).hasMessageContaining("direction");
    }

    @Test
    void ratingsOutsideOneToFiveAreRefused() {
        assertThatThrownBy(() -> execute("INSERT INTO feedback (id, tenant_id, submitted_by, voice_quality, npc_personality, "
                + "response_speed, overall) VALUES (?, 'local', 'b', 6, 1, 1, 1)", UUID.randomUUID()))
                .isInstanceOf(SQLException.class).hasMessageContaining("voice_quality");
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAKey() {
        String document = http.retrieve(HttpRequest.GET("/swagger/glyphoxa-admin-api-0.1.yml")
                .header("Authorization", LocalKeyClientFilter.NONE), String.class);

        assertThat(document).contains("openapi: 3", "/api/sessions/{id}/recap", "/api/tenants");
    }
}
