package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.testsupport.LogCapture;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.gateway.discord.FakeDiscord.Answer;
import dev.glyphoxa.gateway.tenant.TenantService.Changes;
import dev.glyphoxa.stage.HealthController;
import dev.glyphoxa.stage.ReadinessCheck;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The bots' lifecycle: login, intents, command registration, refused and changed tokens, readiness, logs. */
@MicronautTest(transactional = false)
class DiscordBotsTest extends DiscordStack {

    @Inject
    DiscordReadiness readiness;

    @Test
    void readyRegistersEveryCommandInTheTenantsServer() {
        FakeDiscord.Call put = discord.awaitCall("PUT", "/applications/" + discord.applicationId + "/guilds/"
                + discord.guildId + "/commands");

        assertThat(put.authorization()).isEqualTo("Bot " + token);
        List<String> names = new ArrayList<>();
        put.json().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("session", "npc", "entity", "campaign", "feedback");
        assertThat(subcommands(put.json(), "session")).containsExactly("start", "stop", "status", "recap");
        assertThat(subcommands(put.json(), "npc")).containsExactly("list", "mute", "unmute", "speak", "direct", "muteall", "unmuteall");
        assertThat(subcommands(put.json(), "entity")).containsExactly("add", "list", "remove", "import");
        assertThat(subcommands(put.json(), "campaign")).containsExactly("info", "load", "switch");
    }

    @Test
    void theBotIdentifiesWithGuildsAndVoiceStatesOnly() {
        JsonNode identify = discord.identifies().getFirst();

        // Bit 0 is GUILDS (servers, channels, roles), which JDA always asks for; no privileged intent
        // (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT).
        assertThat(identify.path("intents").asInt()).isEqualTo(1 | GatewayIntent.GUILD_VOICE_STATES.getRawValue());
    }

    @Test
    void readinessReportsEachBot() {
        HealthController.Health health = http.retrieve(HttpRequest.GET("/readyz"), HealthController.Health.class);

        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.checks().get("discord")).startsWith("UP: ").contains(tenantId + ": CONNECTED");
    }

    @Test
    void aTokenDiscordRefusesIsLoggedWithoutItAndTriedAgainOnlyWhenItChanges() throws SQLException {
        String refusedTenant = "discord-refused-" + UUID.randomUUID().toString().substring(0, 8);
        String badToken = "refused-token." + UUID.randomUUID();
        String newBadToken = "refused-token." + UUID.randomUUID();
        try (LogCapture logs = new LogCapture()) {
            tenants.create(refusedTenant, new Changes("Refused", "free", List.of(discord.snowflake()), null, badToken, false, null));

            bots.refresh();
            bots.refresh();

            assertThat(discord.calls().stream().filter(authorizedBy(badToken))).hasSize(1);
            assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.ERROR
                    && e.getLoggerName().equals(DiscordBots.class.getName())
                    && e.getFormattedMessage().contains(refusedTenant) && e.getFormattedMessage().contains("refused"));
            assertThat(bots.bot(refusedTenant)).isNull();
            assertThat(bots.bot(tenantId).getStatus()).isEqualTo(JDA.Status.CONNECTED);
            ReadinessCheck.Status status = readiness.status();
            assertThat(status.ready()).isTrue();
            assertThat(status.detail()).contains(tenantId + ": CONNECTED", refusedTenant + ": token refused by Discord");

            tenants.update(refusedTenant, new Changes(null, null, null, null, newBadToken, false, null));
            bots.refresh();

            assertThat(discord.calls().stream().filter(authorizedBy(newBadToken))).hasSize(1);
            assertThat(logs.texts()).allSatisfy(text -> assertThat(text).doesNotContain(badToken, newBadToken, token));
        } finally {
            execute("UPDATE tenants SET bot_token = NULL WHERE id = ?", refusedTenant);
        }
    }

    @Test
    void clearingTheTokenStopsTheBotAndSettingItAgainStartsOne() {
        Predicate<FakeDiscord.Call> registration = c -> c.method().equals("PUT") && c.path().endsWith("/guilds/" + discord.guildId + "/commands");
        int registrations = discord.awaitCalls("command registrations", 1, registration).size();
        JDA first = bots.bot(tenantId);
        try (LogCapture logs = new LogCapture()) {
            tenants.update(tenantId, new Changes(null, null, null, null, null, true, null));
            bots.refresh();

            assertThat(bots.bot(tenantId)).isNull();
            assertThat(eventually(() -> first.getStatus() == JDA.Status.SHUTDOWN)).isTrue();

            tenants.update(tenantId, new Changes(null, null, null, null, token, false, null));
            bots.refresh();

            discord.awaitCalls("command registrations", registrations + 1, registration);
            assertThat(eventually(() -> bots.bot(tenantId).getStatus() == JDA.Status.CONNECTED)).isTrue();
            assertThat(logs.texts()).allSatisfy(text -> assertThat(text).doesNotContain(token));
        }
        Answer answer = discord.answer(discord.slash(discord.player, "session", "status"));
        assertThat(answer.content()).contains("No session is running");
    }

    @Test
    void aBotDiscordClosedForGoodLogsInAgainAtTheNextRefresh() {
        JDA before = bots.bot(tenantId);
        int identifies = discord.identifies().size();

        discord.disconnect(4004, "Authentication failed.");
        assertThat(eventually(() -> before.getStatus() == JDA.Status.SHUTDOWN)).isTrue();
        assertThat(readiness.status().ready()).isFalse();
        bots.refresh();

        assertThat(bots.bot(tenantId)).isNotSameAs(before);
        assertThat(eventually(() -> bots.bot(tenantId).getStatus() == JDA.Status.CONNECTED)).isTrue();
        assertThat(discord.identifies()).hasSize(identifies + 1);
        assertThat(readiness.status().ready()).isTrue();
    }

    @Test
    void aServerNotRegisteredToTheTenantIsRefused() {
        String otherServer = discord.snowflake();
        tenants.update(tenantId, new Changes(null, null, List.of(otherServer), null, null, false, null));
        try {
            Answer answer = discord.answer(discord.slash(discord.gm, "session", "status"));

            assertThat(answer.ephemeral()).isTrue();
            assertThat(answer.content()).contains("not registered", discord.guildId, "operator");
        } finally {
            tenants.update(tenantId, new Changes(null, null, List.of(discord.guildId), null, null, false, null));
        }
    }

    @Test
    void withoutAGmRoleAdministratorsAreTheGameMasters() {
        tenants.update(tenantId, new Changes(null, null, null, "", null, false, null));
        try {
            Answer gmRoleOnly = discord.answer(discord.slash(discord.gm, "entity", "add"));
            assertThat(gmRoleOnly.ephemeral()).isTrue();
            assertThat(gmRoleOnly.content()).contains("Only game masters", "Administrator");

            assertThat(discord.callback(discord.slash(discord.admin, "entity", "add")).path("type").asInt()).isEqualTo(9);
        } finally {
            tenants.update(tenantId, new Changes(null, null, null, discord.gmRoleId, null, false, null));
        }
    }

    private static Predicate<FakeDiscord.Call> authorizedBy(String botToken) {
        return c -> ("Bot " + botToken).equals(c.authorization());
    }

    private static List<String> subcommands(JsonNode commands, String command) {
        List<String> out = new ArrayList<>();
        commands.forEach(c -> {
            if (c.path("name").asText().equals(command)) {
                c.path("options").forEach(o -> out.add(o.path("name").asText()));
            }
        });
        return out;
    }
}
