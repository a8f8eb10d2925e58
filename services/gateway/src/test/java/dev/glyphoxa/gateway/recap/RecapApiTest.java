package dev.glyphoxa.gateway.recap;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.gateway.TestData;
import dev.glyphoxa.gateway.campaign.CampaignController.ImportedCampaign;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.gateway.tenant.ApiKeys;
import dev.glyphoxa.schema.NpcLine;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Recaps without a language model (extractive), over the stored transcript of the real pipeline topics. */
@MicronautTest(transactional = false)
class RecapApiTest extends GatewayStack {


    @Test
    void textRecapPicksTheInformativeLinesAndSaysWhoSpoke() {
        SessionStatus session = sessionWithTavernTalk();

        RecapService.SessionRecap recap = http.retrieve(HttpRequest.GET("/api/sessions/" + session.sessionId() + "/recap"),
                RecapService.SessionRecap.class);

        assertThat(recap.recap().method()).isEqualTo(Recap.EXTRACTIVE);
        assertThat(recap.sessionId()).isEqualTo(session.sessionId());
        assertThat(recap.recap().text()).contains("player-1", "Grimjaw", "Tidecaller Pearl", "fifty gold").doesNotContain("Mhm");
        assertThat(recap.recap().linesConsidered()).isEqualTo(5);
    }

    @Test
    void withoutAnIdTheRunningSessionIsRecappedAndAnEmptyOneStillGetsAnAnswer() throws SQLException {
        String key = ApiKeys.generate();
        String tenant = "recap-" + UUID.randomUUID().toString().substring(0, 8);
        execute("INSERT INTO tenants (id, name, api_key_hash) VALUES (?, 'Recaps', ?)", tenant, ApiKeys.hash(key));
        HttpClientResponseException none = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.GET("/api/recap").bearerAuth(key)));
        assertThat(none.code()).isEqualTo(404);
        assertThat(TestData.error(none).message()).contains("no sessions yet");

        ImportedCampaign campaign = http.retrieve(HttpRequest.POST("/api/campaigns", TestData.exampleYaml())
                .contentType("application/yaml").bearerAuth(key), ImportedCampaign.class);
        SessionStatus live = http.retrieve(HttpRequest.POST("/api/sessions",
                java.util.Map.of("campaignId", campaign.id().toString(), "voiceChannel", "local")).bearerAuth(key), SessionStatus.class);

        RecapService.SessionRecap recap = http.retrieve(HttpRequest.GET("/api/recap").bearerAuth(key), RecapService.SessionRecap.class);

        assertThat(recap.sessionId()).isEqualTo(live.sessionId());
        assertThat(recap.recap().text()).isNotBlank().contains("The Rusty Anchor");
    }

    @Test
    void voiceRecapIsReadByTheNarratorInTheRunningSession() {
        SessionStatus last = sessionWithTavernTalk();
        http.retrieve(HttpRequest.POST("/api/sessions/" + last.sessionId() + "/stop", "{}"), SessionStatus.class);
        HttpClientResponseException noneRunning = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.exchange(HttpRequest.POST("/api/sessions/" + last.sessionId() + "/recap/voice", "{}")));
        assertThat(noneRunning.code()).isEqualTo(409);
        assertThat(TestData.error(noneRunning).message()).contains("running session");
        SessionStatus tonight = TestData.startSession(http, last.campaignId());

        RecapService.SpokenRecap spoken = http.retrieve(HttpRequest.POST("/api/sessions/" + last.sessionId() + "/recap/voice", "{}"),
                RecapService.SpokenRecap.class);

        assertThat(spoken.spokenIn()).isEqualTo(tonight.sessionId());
        assertThat(spoken.recap().sessionId()).isEqualTo(last.sessionId());
        List<NpcLine> lines = new ArrayList<>();
        assertThat(awaitRecord(Topics.NPC_LINES.name(), r -> {
            if (!tonight.sessionId().toString().equals(r.key())) {
                return false;
            }
            NpcLine line = Topics.NPC_LINES.valueSerde().decode(r.value());
            lines.add(line);
            return line.getLastInTurn();
        })).isPresent();
        assertThat(lines).hasSize(spoken.lines());
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.getNpcName()).isEqualTo("Narrator");
            assertThat(l.getVoice()).isEqualTo("festival:slt");
            assertThat(l.getResponder()).isEqualTo(RecapService.SOURCE);
        });
        assertThat(String.join(" ", lines.stream().map(NpcLine::getText).toList())).contains("Tidecaller Pearl");
        // What the narrator read is stored, but a later recap of tonight leaves it out.
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ? AND source = 'recap'",
                tonight.sessionId()) == spoken.lines())).isTrue();
        RecapService.SessionRecap tonightRecap = http.retrieve(HttpRequest.GET("/api/sessions/" + tonight.sessionId() + "/recap"),
                RecapService.SessionRecap.class);
        assertThat(tonightRecap.recap().linesConsidered()).isZero();
    }

    /** Five lines over the real topics: three informative, one filler, one NPC answer of two sentences. */
    private SessionStatus sessionWithTavernTalk() {
        ImportedCampaign campaign = TestData.importExample(http);
        SessionStatus session = TestData.startSession(http, campaign.id());
        String id = session.sessionId().toString();
        long t = System.currentTimeMillis();
        say(id, TestData.transcript(id, "u1-" + t, "Mhm.", t));
        say(id, TestData.transcript(id, "u2-" + t, "Elara, who stole the Tidecaller Pearl from the Sunken Mine?", t + 2000));
        produce(Topics.NPC_LINES.name(), id, Topics.NPC_LINES.valueSerde().encode(
                TestData.npcLine(id, "turn-a-" + t, 0, "The Tide Lords took it, lad.")));
        produce(Topics.NPC_LINES.name(), id, Topics.NPC_LINES.valueSerde().encode(
                TestData.npcLine(id, "turn-a-" + t, 1, "I will pay fifty gold to whoever brings the Tidecaller Pearl back.")));
        say(id, TestData.transcript(id, "u3-" + t, "We will search the harbour for Tomas tonight.", t + 9000));
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ?", session.sessionId()) == 5))
                .isTrue();
        return session;
    }

    private void say(String sessionId, dev.glyphoxa.schema.Transcript transcript) {
        produce(Topics.TRANSCRIPTS.name(), sessionId, Topics.TRANSCRIPTS.valueSerde().encode(transcript));
    }
}
