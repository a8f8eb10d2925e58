package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.voicebridge.discord.FakeTokenGateway.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-tenant token source against a local fake of the gateway's internal route. */
class GatewayBotTokensTest {

    static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.Gx1y2z.tenant-one-token";

    final FakeTokenGateway gateway = new FakeTokenGateway();
    final GatewayBotTokens tokens = new GatewayBotTokens(gateway.url() + "/", FakeTokenGateway.KEY, Duration.ofMillis(500));

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void fetchesOncePerTenantAndAgainAfterDiscordRefusedIt() {
        gateway.answers.put("t1", Answer.token(TOKEN));

        assertThat(tokens.token("t1")).isEqualTo(TOKEN);
        assertThat(tokens.token("t1")).isEqualTo(TOKEN);
        assertThat(gateway.requests).containsExactly("t1");

        gateway.answers.put("t1", Answer.token("replaced-token"));
        assertThat(tokens.refused("t1")).isTrue();
        assertThat(tokens.token("t1")).isEqualTo("replaced-token");
        assertThat(gateway.requests).containsExactly("t1", "t1");
        assertThat(tokens.bot("t1")).isEqualTo("tenant t1").doesNotContain(TOKEN);
    }

    @Test
    void eachRefusalSaysWhatTheGatewayAnswered() {
        gateway.answers.put("no-token", Answer.error(404, "tenant 'no-token' has no bot token"));
        gateway.answers.put("vault-down", Answer.error(503, "cannot read the bot token: Vault is sealed"));
        gateway.answers.put("teapot", Answer.raw(418, "short and stout"));

        assertThat(failure("no-token")).isEqualTo("the gateway has no bot token for tenant 'no-token' (404: tenant "
                + "'no-token' has no bot token)");
        assertThat(failure("unknown")).isEqualTo("the gateway has no bot token for tenant 'unknown' (404: no tenant 'unknown')");
        assertThat(failure("vault-down")).isEqualTo("the gateway cannot read tenant 'vault-down''s bot token now (503: "
                + "cannot read the bot token: Vault is sealed)");
        assertThat(failure("teapot")).isEqualTo("the gateway answered 418 to the bot token request of tenant 'teapot'");

        GatewayBotTokens wrongKey = new GatewayBotTokens(gateway.url(), "not-the-key", Duration.ofMillis(500));
        assertThat(catchThrowableOfType(BotTokenException.class, () -> wrongKey.token("no-token")).getMessage())
                .isEqualTo("the gateway refused the internal key (401): GLYPHOXA_INTERNAL_KEY must be the gateway's "
                        + "glyphoxa.gateway.internal-key");
    }

    @Test
    void aGarbledAnswerIsRefusedWithoutRepeatingIt() {
        gateway.answers.put("html", Answer.raw(200, "<html>" + TOKEN + "</html>"));
        gateway.answers.put("number", Answer.raw(200, "{\"token\": 42}"));
        gateway.answers.put("blank", Answer.raw(200, "{\"token\": \"  \", \"other\": \"" + TOKEN + "\"}"));

        assertThat(failure("html")).isEqualTo("the gateway's answer for tenant 'html' is not JSON");
        assertThat(failure("number")).isEqualTo("the gateway's answer for tenant 'number' has no \"token\" text");
        assertThat(failure("blank")).isEqualTo("the gateway's answer for tenant 'blank' has no \"token\" text");
    }

    @Test
    void aGatewayThatDoesNotAnswerTimesOut() {
        gateway.answers.put("slow", Answer.HANG);
        assertThat(failure("slow")).isEqualTo("the gateway at " + gateway.url() + " did not answer within 500 ms (tenant 'slow')");
    }

    @Test
    void anUnreachableGatewayIsSaidSo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        GatewayBotTokens nowhere = new GatewayBotTokens("http://127.0.0.1:" + port, "k", Duration.ofMillis(500));
        assertThat(catchThrowableOfType(BotTokenException.class, () -> nowhere.token("t1")).getMessage())
                .startsWith("cannot reach the gateway at http://127.0.0.1:" + port + ": ConnectException");
    }

    @Test
    void aSessionWithoutATenantHasNoBot() {
        assertThatThrownBy(() -> tokens.bot(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tenant");
        assertThatThrownBy(() -> tokens.token(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void aGatewayUrlNeedsTheInternalKeyWhichIsNeverPrinted() {
        assertThatThrownBy(() -> new DiscordSettings(null, null, 3, 100, 5000, 2000, 60000, 45000, gateway.url(), " ", 500))
                .hasMessageContaining("GLYPHOXA_INTERNAL_KEY");
        DiscordSettings settings = new DiscordSettings(null, null, 3, 100, 5000, 2000, 60000, 45000, gateway.url(),
                FakeTokenGateway.KEY, 500);
        assertThat(settings.active()).isTrue();
        assertThat(settings.tokensFromGateway()).isTrue();
        assertThat(settings.toString()).doesNotContain(FakeTokenGateway.KEY).contains("internalKey=(set)");
        assertThat(BotTokens.of(settings)).isInstanceOf(GatewayBotTokens.class);
        assertThat(BotTokens.of(DiscordSettings.withToken("t", null)).bot("any tenant")).isEqualTo("deployment bot");
    }

    private String failure(String tenant) {
        BotTokenException e = catchThrowableOfType(BotTokenException.class, () -> tokens.token(tenant));
        assertThat(e).as("tenant " + tenant).isNotNull();
        assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain(FakeTokenGateway.KEY);
        return e.getMessage();
    }
}
