package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.testsupport.LogCapture;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TestAudio;
import dev.glyphoxa.voicebridge.discord.FakeTokenGateway.Answer;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Discord channel with tokens per tenant from a fake gateway and a fake Discord per token: each tenant's
 * sessions go through its own logged-in gateway, and a tenant without a usable token joins nothing and says why.
 */
class TenantBotsTest {

    static final String TOKEN_A = "MTAxMTExMTExMTExMTExMTEx.Ga.tenant-a-token";
    static final String TOKEN_B = "MTAyMjIyMjIyMjIyMjIyMjIy.Gb.tenant-b-token";

    long now = 1_000;
    final FakeTokenGateway tokenGateway = new FakeTokenGateway();
    /** Discord as each token sees it, in login order. */
    final Map<String, FakeGateway> discord = new LinkedHashMap<>();
    final Set<String> refusedByDiscord = new HashSet<>();
    final List<VoicePacket> voiceIn = new ArrayList<>();
    final DiscordSettings settings = new DiscordSettings(null, null, 3, 100, 5000, 2000, 60000, 45000,
            tokenGateway.url(), FakeTokenGateway.KEY, 500);
    final DiscordVoiceChannel channel = new DiscordVoiceChannel(settings, BotTokens.of(settings), this::login,
            voiceIn::add, PlaybackListener.NONE, () -> now);

    private FakeGateway login(String token) {
        if (refusedByDiscord.contains(token)) {
            throw new InvalidTokenException();
        }
        FakeGateway gateway = new FakeGateway();
        gateway.ready = true;
        discord.put(token, gateway);
        return gateway;
    }

    @AfterEach
    void close() {
        channel.close();
        tokenGateway.close();
    }

    @Test
    void twoTenantsLogInTwoBotsAndEachSessionsVoiceGoesThroughItsOwn() {
        tokenGateway.answers.put("a", Answer.token(TOKEN_A));
        tokenGateway.answers.put("b", Answer.token(TOKEN_B));

        channel.join("s1", "a", "10/20");
        channel.join("s2", "b", "30/40");
        assertThat(discord).isEmpty();   // logging in is the watchdog's work, not the control thread's
        channel.tick(now);
        assertThat(discord).containsOnlyKeys(TOKEN_A, TOKEN_B);
        channel.tick(now + 2_000);
        FakeGateway botA = discord.get(TOKEN_A);
        FakeGateway botB = discord.get(TOKEN_B);
        assertThat(botA.calls).containsExactly("open 10/20");
        assertThat(botB.calls).containsExactly("open 30/40");

        TestAudio.npcTurn("s1", "t", null, 3).forEach(channel::play);
        assertThat(botA.senders.get(10L).canProvide()).isTrue();
        assertThat(botB.senders.get(30L).canProvide()).isFalse();
        byte[] opus = TestAudio.tone(220, 1, 2).getFirst();
        botB.receivers.get(30L).handleEncodedAudio(ReceivedAudioMapperTest.jdaPacket(77, 1, 5, opus));
        assertThat(voiceIn).singleElement().satisfies(p -> assertThat(p.getSessionId()).isEqualTo("s2"));

        String ready = channel.status().detail();
        assertThat(ready).contains("tenant a: gateway CONNECTED, sessions [s1]", "tenant b: gateway CONNECTED, sessions [s2]")
                .doesNotContain(TOKEN_A).doesNotContain(TOKEN_B).doesNotContain(FakeTokenGateway.KEY);

        // The last session of tenant a leaves: its bot is logged out by the next round, b's stays.
        channel.leave("s1");
        assertThat(botA.calls).containsExactly("open 10/20", "close 10");
        channel.tick(now + 3_000);
        assertThat(botA.calls).containsExactly("open 10/20", "close 10", "shutdown");
        assertThat(botB.calls).containsExactly("open 30/40");
        assertThat(channel.status().detail()).doesNotContain("tenant a").contains("tenant b");
    }

    @Test
    void twoTenantsInOneGuildDoNotTakeEachOthersConnectionOver() {
        tokenGateway.answers.put("a", Answer.token(TOKEN_A));
        tokenGateway.answers.put("b", Answer.token(TOKEN_B));
        channel.join("s1", "a", "10/20");
        channel.join("s2", "b", "10/21");
        channel.join("s3", "a", "10/22");   // same bot, same guild: this one does take s1's over

        assertThat(channel.carries("s1")).isFalse();
        assertThat(channel.carries("s2")).isTrue();
        assertThat(channel.carries("s3")).isTrue();
    }

    enum Refusal {
        NO_TOKEN(Answer.error(404, "tenant 'x' has no bot token"), "the gateway has no bot token for tenant 'x' (404: tenant 'x' has no bot token)"),
        WRONG_KEY(Answer.error(401, "the internal service key is not valid"), "the gateway refused the internal key (401)"),
        VAULT_DOWN(Answer.error(503, "cannot read the bot token: Vault unreachable"), "cannot read tenant 'x''s bot token now (503: cannot read the bot token: Vault unreachable)"),
        GARBAGE(Answer.raw(200, "<<" + TOKEN_A), "the gateway's answer for tenant 'x' is not JSON"),
        TIMEOUT(Answer.HANG, "did not answer within 500 ms (tenant 'x')");

        final Answer answer;
        final String why;

        Refusal(Answer answer, String why) {
            this.answer = answer;
            this.why = why;
        }
    }

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void withoutAUsableTokenNothingIsJoinedAndTheLogSaysWhy(Refusal refusal) {
        tokenGateway.answers.put("x", refusal.answer);
        try (LogCapture logs = new LogCapture()) {
            channel.join("s1", "x", "10/20");
            channel.tick(now);
            channel.tick(now + 2_000);

            assertThat(discord).as("no login without a token").isEmpty();
            assertThat(channel.connections().get("s1")).contains("WAITING (bot not logged in: no bot token: ").contains(refusal.why);
            assertThat(channel.status().detail()).contains("tenant x: not logged in (no bot token: ").contains(refusal.why);
            assertThat(logs.warnings()).anyMatch(w -> w.startsWith("Discord tenant x: no bot token: ") && w.contains(refusal.why));
            assertThat(logs.texts()).noneMatch(t -> t.contains(TOKEN_A) || t.contains(FakeTokenGateway.KEY));
        }
    }

    @Test
    void aTokenDiscordRefusesIsFetchedAgainAfterTheBackOff() {
        tokenGateway.answers.put("a", Answer.token("revoked-token"));
        refusedByDiscord.add("revoked-token");
        channel.join("s1", "a", "10/20");
        channel.tick(now);
        assertThat(channel.status().detail()).contains("tenant a: not logged in (Discord refused the bot token of tenant a");

        tokenGateway.answers.put("a", Answer.token(TOKEN_A));   // the tenant set a new token
        channel.tick(now + 1_999);
        assertThat(tokenGateway.requests).containsExactly("a");
        channel.tick(now + 2_000);
        assertThat(tokenGateway.requests).containsExactly("a", "a");
        assertThat(discord).containsOnlyKeys(TOKEN_A);
        channel.tick(now + 4_000);
        assertThat(discord.get(TOKEN_A).calls).containsExactly("open 10/20");
    }

    @Test
    void aSessionWithoutATenantCannotBeJoined() {
        assertThatThrownBy(() -> channel.join("s1", "", "10/20")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no tenant");
        assertThat(channel.carries("s1")).isFalse();
    }
}
