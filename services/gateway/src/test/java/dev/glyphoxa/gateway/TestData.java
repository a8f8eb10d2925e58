package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.CampaignView;
import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.gateway.entity.EntityController.EntityView;
import dev.glyphoxa.gateway.npc.NpcController.NpcView;
import dev.glyphoxa.gateway.tenant.ApiKeys;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnTimings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** The example campaign, admin API calls and pipeline records the tests share. */
public final class TestData {

    public static final Path EXAMPLE = Path.of("../../examples/campaign.yaml");

    private TestData() {
    }

    public static String exampleYaml() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportedCampaign importExample(BlockingHttpClient http) {
        return http.retrieve(HttpRequest.POST("/api/campaigns", exampleYaml()).contentType("application/yaml"),
                ImportedCampaign.class);
    }

    public static SessionStatus startSession(BlockingHttpClient http, Object campaignId) {
        return http.retrieve(HttpRequest.POST("/api/sessions", Map.of("campaignId", campaignId.toString(), "voiceChannel", "local")),
                SessionStatus.class);
    }

    /** An empty campaign of tenant {@code local}, named {@code name} plus a random suffix so tests never collide. */
    public static CampaignView createCampaign(BlockingHttpClient http, String name) {
        return http.retrieve(HttpRequest.POST("/api/campaigns",
                Map.of("name", name + " " + UUID.randomUUID(), "gameSystem", "D&D 5e")), CampaignView.class);
    }

    public static NpcView createNpc(BlockingHttpClient http, UUID campaignId, String name) {
        return http.retrieve(HttpRequest.POST("/api/campaigns/" + campaignId + "/npcs",
                Map.of("name", name, "persona", "A test NPC called " + name + ".", "voice", "festival:slt")), NpcView.class);
    }

    public static EntityView createEntity(BlockingHttpClient http, UUID campaignId, String type, String name) {
        return http.retrieve(HttpRequest.POST("/api/campaigns/" + campaignId + "/entities",
                Map.of("type", type, "name", name, "description", "About " + name + ".")), EntityView.class);
    }

    /** An ended session of the campaign, written directly: deleting and feedback only need the row. */
    public static UUID endedSession(GatewayStack stack, String tenantId, UUID campaignId) throws SQLException {
        UUID id = UUID.randomUUID();
        stack.execute("INSERT INTO sessions (id, tenant_id, campaign_id, status, voice_channel, started_by, started_at, ended_at)"
                + " VALUES (?, ?, ?, 'ended', 'local', 'test', now(), now())", id, tenantId, campaignId);
        return id;
    }

    /** Creates (or re-keys) a tenant that authenticates with {@code key}, as the operator API would. */
    public static void tenant(GatewayStack stack, String id, String key) throws SQLException {
        stack.execute("INSERT INTO tenants (id, name, license_tier, api_key_hash) VALUES (?, ?, 'free', ?)"
                + " ON CONFLICT (id) DO UPDATE SET api_key_hash = excluded.api_key_hash", id, "Tenant " + id, ApiKeys.hash(key));
    }

    /** The status of an answer, refusals included. */
    public static int status(BlockingHttpClient http, HttpRequest<?> request) {
        try {
            return http.exchange(request).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** The field a 400 names first; fails unless the request is refused with 400. */
    public static String refusedField(BlockingHttpClient http, HttpRequest<?> request) {
        try {
            http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            if (e.code() != 400) {
                throw new AssertionError("expected 400, got " + e.code() + ": " + e.getResponse().getBody(String.class).orElse(""));
            }
            return error(e).field();
        }
        throw new AssertionError("expected " + request.getMethod() + " " + request.getPath() + " to be refused");
    }

    /** The refusal body of a 4xx/5xx answer. */
    public static ApiErrorHandler.ApiError error(HttpClientResponseException e) {
        return e.getResponse().getBody(ApiErrorHandler.ApiError.class)
                .orElseThrow(() -> new AssertionError("no error body in " + e.getStatus() + " " + e.getMessage()));
    }

    public static Transcript transcript(String sessionId, String utteranceId, String text, long speechStartMs) {
        return Transcript.newBuilder()
                .setSessionId(sessionId)
                .setSpeakerId("player-1")
                .setUtteranceId(utteranceId)
                .setTurnId("turn-" + utteranceId)
                .setText(text)
                .setIsFinal(true)
                .setProvider("pocketsphinx")
                .setSpeechStartMs(speechStartMs)
                .setSpeechEndMs(speechStartMs + 1500)
                .setTimings(TurnTimings.newBuilder().setSpeechEndMs(speechStartMs + 1500).build())
                .build();
    }

    public static NpcLine npcLine(String sessionId, String turnId, int sequence, String text) {
        return NpcLine.newBuilder()
                .setSessionId(sessionId)
                .setTurnId(turnId)
                .setNpcId("npc-grimjaw")
                .setNpcName("Grimjaw")
                .setVoice("espeak:en+m3")
                .setSequence(sequence)
                .setLastInTurn(false)
                .setText(text)
                .setResponder("scripted")
                .setTimings(TurnTimings.newBuilder().build())
                .build();
    }
}
