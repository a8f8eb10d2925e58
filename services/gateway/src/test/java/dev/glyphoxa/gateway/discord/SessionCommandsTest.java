package dev.glyphoxa.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.gateway.TestData;
import dev.glyphoxa.gateway.discord.FakeDiscord.Answer;
import dev.glyphoxa.gateway.discord.FakeDiscord.Interaction;
import dev.glyphoxa.gateway.recap.RecapService;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /session} and {@code /feedback} through a real JDA, down to the rows and the control events behind them. */
@MicronautTest(transactional = false)
class SessionCommandsTest extends DiscordStack {

    @Test
    void startDefersThenNamesSessionCampaignAndChannelAndPublishesTheDiscordVoiceChannel() {
        Interaction start = discord.slash(discord.gm, "session", "start");

        JsonNode deferral = discord.callback(start);
        assertThat(deferral.path("type").asInt()).isEqualTo(5);
        Answer answer = discord.answer(start);
        assertThat(answer.ephemeral()).isFalse();
        assertThat(answer.content()).contains("The Rusty Anchor", "<#" + discord.voiceChannelId + ">");
        UUID session = sessionIdIn(answer.content());

        String voiceChannel = "discord:" + discord.guildId + "/" + discord.voiceChannelId;
        assertThat(count("SELECT count(*) FROM sessions WHERE id = ? AND tenant_id = ? AND campaign_id = ? AND status = 'active'"
                + " AND voice_channel = ? AND started_by = ? AND guild_id = ?", session, tenantId, campaignId, voiceChannel,
                discord.gm.id(), discord.guildId)).isEqualTo(1);
        SessionStarted started = (SessionStarted) awaitControl(session, e -> e.getEvent() instanceof SessionStarted).getEvent();
        assertThat(started.getVoiceChannel()).isEqualTo(voiceChannel);
        assertThat(started.getCampaignName()).isEqualTo("The Rusty Anchor");
    }

    @Test
    void startPostsTheTranscriptionNoticeInTheCommandsChannel() {
        UUID session = startSession();

        FakeDiscord.Call notice = discord.await("the transcription notice", c -> c.method().equals("POST")
                && c.path().endsWith("/channels/" + discord.textChannelId + "/messages") && c.body().contains(session.toString()));
        assertThat(notice.authorization()).isEqualTo("Bot " + token);
        assertThat(notice.json().path("content").asText())
                .contains("transcribed", session.toString(), "who said what", "NPC", "No recording is kept", "/session stop",
                        "<#" + discord.voiceChannelId + ">");
    }

    @Test
    void withoutPermissionToPostInTheChannelTheNoticeFollowsTheAnswer() {
        discord.refuseChannelMessages(true);
        try {
            Interaction start = discord.slash(discord.gm, "session", "start");
            UUID session = sessionIdIn(discord.answer(start).content());

            FakeDiscord.Call followUp = discord.await("the notice as a follow-up", c -> c.method().equals("POST")
                    && c.path().endsWith("/webhooks/" + discord.applicationId + "/" + start.token()));
            assertThat(followUp.json().path("content").asText()).contains("transcribed", session.toString(), "No recording is kept");
            assertThat(followUp.json().path("flags").asInt() & FakeDiscord.EPHEMERAL).isZero();
        } finally {
            discord.refuseChannelMessages(false);
        }
    }

    @Test
    void aRefusalAfterThePublicDeferralIsShownToTheCallerAlone() throws java.sql.SQLException {
        execute("UPDATE campaigns SET active = false WHERE id = ?", campaignId);
        long before = sessionsOfTheServer();
        try {
            Interaction start = discord.slash(discord.gm, "session", "start");

            assertThat(discord.callback(start).path("type").asInt()).isEqualTo(5);
            Answer answer = discord.answer(start);
            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).contains("inactive");
            discord.awaitCall("DELETE", "/webhooks/" + discord.applicationId + "/" + start.token() + "/messages/@original");
            assertThat(sessionsOfTheServer()).isEqualTo(before);
        } finally {
            execute("UPDATE campaigns SET active = true WHERE id = ?", campaignId);
        }
    }

    @Test
    void startOutsideAVoiceChannelIsRefusedSayingWhatToDo() {
        long before = sessionsOfTheServer();
        Answer answer = discord.answer(discord.slash(discord.gmAway, "session", "start"));

        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Join the voice channel");
        assertThat(sessionsOfTheServer()).isEqualTo(before);
    }

    @Test
    void aSecondStartIsRefusedNamingTheRunningSession() {
        UUID running = startSession();

        Answer second = discord.answer(discord.slash(discord.gm, "session", "start"));

        assertThat(second.ephemeral()).isTrue();
        assertThat(second.content()).contains("already running", running.toString(), "/session stop");
        assertThat(count("SELECT count(*) FROM sessions WHERE guild_id = ? AND status <> 'ended'", discord.guildId)).isEqualTo(1);
    }

    @Test
    void playersCannotStartASessionAndNothingChanges() {
        long before = sessionsOfTheServer();
        Answer answer = discord.answer(discord.slash(discord.player, "session", "start"));

        assertThat(answer.type()).isEqualTo(4);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("Only game masters", "<@&" + discord.gmRoleId + ">");
        assertThat(sessionsOfTheServer()).isEqualTo(before);
    }

    @Test
    void stopEndsTheSessionAndSaysHowLongItRan() {
        UUID session = startSession();

        Interaction stop = discord.slash(discord.gm, "session", "stop");

        assertThat(discord.callback(stop).path("type").asInt()).isEqualTo(5);
        Answer answer = discord.answer(stop);
        assertThat(answer.ephemeral()).isFalse();
        assertThat(answer.content()).contains(session.toString(), "stopped after", "The Rusty Anchor");
        assertThat(count("SELECT count(*) FROM sessions WHERE id = ? AND status = 'ended' AND ended_at IS NOT NULL", session)).isEqualTo(1);
        SessionStopped stopped = (SessionStopped) awaitControl(session, e -> e.getEvent() instanceof SessionStopped).getEvent();
        assertThat(stopped.getReason()).contains(discord.gm.id());
    }

    @Test
    void stopWithoutASessionIsRefused() {
        Answer answer = discord.answer(discord.slash(discord.gm, "session", "stop"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("No session is running");
    }

    @Test
    void everyoneMaySeeTheStatus() {
        Answer none = discord.answer(discord.slash(discord.player, "session", "status"));
        assertThat(none.ephemeral()).isTrue();
        assertThat(none.content()).contains("No session is running");

        UUID session = startSession();
        Answer status = discord.answer(discord.slash(discord.player, "session", "status"));

        assertThat(status.ephemeral()).isTrue();
        assertThat(status.content()).contains(session.toString(), "active", "The Rusty Anchor",
                "<#" + discord.voiceChannelId + ">", "<@" + discord.gm.id() + ">", "Grimjaw", "Elara");
    }

    @Test
    void recapAsTextAndReadAloudByTheNarrator() {
        UUID session = startSession();
        String id = session.toString();
        long t = System.currentTimeMillis();
        produce(Topics.TRANSCRIPTS.name(), id, Topics.TRANSCRIPTS.valueSerde().encode(TestData.transcript(id, "u1-" + t,
                "Elara, who stole the Tidecaller Pearl from the Sunken Mine?", t)));
        assertThat(eventually(() -> count("SELECT count(*) FROM transcript_lines WHERE session_id = ?", session) == 1)).isTrue();

        Interaction text = discord.slash(discord.player, "session", "recap");
        assertThat(discord.callback(text).path("type").asInt()).isEqualTo(5);
        Answer recap = discord.answer(text);
        assertThat(recap.ephemeral()).isFalse();
        JsonNode embed = recap.data().path("embeds").path(0);
        assertThat(embed.path("title").asText()).isEqualTo("Recap: The Rusty Anchor");
        assertThat(embed.path("description").asText()).contains("Tidecaller Pearl");
        assertThat(embed.path("footer").path("text").asText()).contains(id);

        Answer spoken = discord.answer(discord.slash(discord.gm, "session", "recap", "session_id", id, "voice", true));
        assertThat(spoken.data().path("embeds").path(0).path("footer").path("text").asText()).contains("Read aloud");
        NpcLine narrated = awaitRecord(Topics.NPC_LINES.name(), r -> id.equals(r.key())
                && RecapService.NARRATOR_ID.equals(Topics.NPC_LINES.valueSerde().decode(r.value()).getNpcId()))
                .map(r -> Topics.NPC_LINES.valueSerde().decode(r.value())).orElseThrow();
        assertThat(narrated.getResponder()).isEqualTo(RecapService.SOURCE);
    }

    @Test
    void recapRefusesSomethingThatIsNotASessionId() {
        Answer answer = discord.answer(discord.slash(discord.player, "session", "recap", "session_id", "yesterday"));

        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).contains("session_id", "yesterday", "not a session id");
    }

    @Test
    void feedbackOpensAModalAndStoresTheRatingsWithTheRunningSession() {
        UUID session = startSession();
        Interaction open = discord.slash(discord.player, "feedback", null);

        JsonNode modal = discord.callback(open);
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.path("data").path("custom_id").asText()).isEqualTo("feedback:submit");
        assertThat(modal.path("data").path("components")).hasSize(5);
        assertThat(modal.path("data").path("components").path(0).path("component").path("options")).hasSize(5);

        Answer thanks = discord.answer(discord.submitModal(discord.player, "feedback:submit", Map.of(
                "voice_quality", java.util.List.of("4"), "npc_personality", java.util.List.of("5"),
                "response_speed", java.util.List.of("2"), "overall", java.util.List.of("4"),
                "comment", "Grimjaw was grand, but slow.")));

        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.content()).contains("Thank you", session.toString());
        assertThat(count("SELECT count(*) FROM feedback WHERE tenant_id = ? AND session_id = ? AND submitted_by = ?"
                        + " AND voice_quality = 4 AND npc_personality = 5 AND response_speed = 2 AND overall = 4"
                        + " AND comment = 'Grimjaw was grand, but slow.'", tenantId, session, discord.player.id())).isEqualTo(1);
    }

}
