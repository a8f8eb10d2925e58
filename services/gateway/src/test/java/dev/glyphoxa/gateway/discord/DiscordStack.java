package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.GatewayStack;
import dev.glyphoxa.gateway.TestData;
import dev.glyphoxa.gateway.campaign.CampaignImporter;
import dev.glyphoxa.gateway.tenant.TenantService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway with Discord enabled against a {@link FakeDiscord}, and a tenant of its own (random id, bot token,
 * the fake's server with its GM role, the example campaign as the server's current campaign) whose bot is connected
 * and has registered its commands before the first test. Sessions the tests start in the server are ended after each
 * test, so each test starts from a server without a live session.
 */
abstract class DiscordStack extends GatewayStack {

    private static final Pattern SESSION_ID = Pattern.compile("`([0-9a-f-]{36})`");

    protected final String token = "fake-token." + UUID.randomUUID();
    protected final FakeDiscord discord = new FakeDiscord(token);
    protected final String tenantId = "discord-" + UUID.randomUUID().toString().substring(0, 8);
    protected UUID campaignId;

    @Inject
    protected TenantService tenants;
    @Inject
    protected DiscordBots bots;
    @Inject
    protected CampaignImporter importer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("glyphoxa.discord.enabled", "true");
        properties.put("glyphoxa.discord.rest-base-url", discord.restBaseUrl());
        properties.put("glyphoxa.discord.gateway-url", discord.gatewayUrl());
        // The tests start the bots themselves (refresh), once their tenant exists.
        properties.put("glyphoxa.discord.refresh-every", "1h");
        return properties;
    }

    @BeforeAll
    void connectTheBot() throws SQLException {
        tenants.create(tenantId, new TenantService.Changes("Discord test " + tenantId, "pro", List.of(discord.guildId),
                discord.gmRoleId, token, false, -1));
        campaignId = importer.importYaml(tenantId, TestData.exampleYaml()).campaign().id();
        execute("UPDATE tenant_guilds SET current_campaign_id = ? WHERE guild_id = ?", campaignId, discord.guildId);
        bots.refresh();
        discord.awaitCall("PUT", "/guilds/" + discord.guildId + "/commands");
    }

    @AfterEach
    void endSessionsOfTheServer() throws SQLException {
        execute("UPDATE sessions SET status = 'ended', ended_at = now(), end_reason = 'test cleanup'"
                + " WHERE guild_id = ? AND status <> 'ended'", discord.guildId);
    }

    /** Other test classes share the database: a token left behind would make their bots try it. */
    @AfterAll
    void disconnect() throws SQLException {
        bots.close();
        discord.close();
        execute("UPDATE tenants SET bot_token = NULL WHERE id = ?", tenantId);
    }

    /** Starts a session as the GM (who is in the voice channel) and returns its id, read from the answer. */
    protected UUID startSession() {
        return sessionIdIn(discord.answer(discord.slash(discord.gm, "session", "start")).content());
    }

    protected static UUID sessionIdIn(String text) {
        Matcher m = SESSION_ID.matcher(text);
        assertThat(m.find()).as("a session id in: %s", text).isTrue();
        return UUID.fromString(m.group(1));
    }

    protected long sessionsOfTheServer() {
        return count("SELECT count(*) FROM sessions WHERE guild_id = ?", discord.guildId);
    }
}
