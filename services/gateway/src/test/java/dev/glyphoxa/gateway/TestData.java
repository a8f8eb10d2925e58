package dev.glyphoxa.gateway;

import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionStatus;
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
import java.util.Map;

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
