package dev.glyphoxa.voicebridge.discord;

/**
 * Which Discord bot serves a tenant's sessions, and its token. Tenants that map to the same {@link #bot} share
 * one logged-in gateway: with per-tenant tokens from the gateway ({@link GatewayBotTokens}) each tenant is its
 * own bot; with the deployment's single DISCORD_BOT_TOKEN ({@link #fixed}) every tenant shares the one bot.
 */
public interface BotTokens {

    /**
     * The bot that joins this tenant's sessions, as a name for maps, logs and readiness (never the token).
     *
     * @throws IllegalArgumentException when the tenant can never have a bot (no tenant id where one is needed)
     */
    String bot(String tenantId);

    /**
     * The bot's token; may block for a network round trip.
     *
     * @throws BotTokenException with the reason when there is none now
     */
    String token(String tenantId);

    /**
     * Discord refused the tenant's token at login: forget what is cached.
     *
     * @return whether fetching it again can help (the tenant may have set a new one); false for a fixed token
     */
    boolean refused(String tenantId);

    /** Where tokens come from, for logs and readiness. */
    String describe();

    /** The tokens these settings say: from the gateway when its URL is set, else the one bot token. */
    static BotTokens of(DiscordSettings settings) {
        return settings.tokensFromGateway() ? new GatewayBotTokens(settings.gatewayUrl(), settings.internalKey(),
                java.time.Duration.ofMillis(settings.tokenTimeoutMs())) : fixed(settings.botToken());
    }

    /** One token for every tenant: the single-tenant deployment of DISCORD_BOT_TOKEN. */
    static BotTokens fixed(String token) {
        return new BotTokens() {
            @Override
            public String bot(String tenantId) {
                return "deployment bot";
            }

            @Override
            public String token(String tenantId) {
                return token;
            }

            @Override
            public boolean refused(String tenantId) {
                return false;   // the same token again would be refused again
            }

            @Override
            public String describe() {
                return "one bot token (glyphoxa.discord.bot-token)";
            }
        };
    }
}
