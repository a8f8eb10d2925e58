package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.store.Tenant;
import dev.glyphoxa.gateway.store.TenantRepository;
import dev.glyphoxa.gateway.tenant.TenantService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One JDA per tenant with a bot token, when {@code glyphoxa.discord.enabled}. Tenants are compared with the running
 * bots at start-up and every {@code refresh-every}: a new token starts a bot, a changed one restarts it, a cleared
 * one stops it. A token Discord refuses is logged once (never the token) and not tried again until it changes; any
 * other failure is retried at the next refresh. Neither stops the gateway or the other tenants' bots.
 * <p>
 * Intents: GUILD_VOICE_STATES, with voice states cached and members cached only while in a voice channel: enough to
 * find the caller's voice channel for {@code /session start}; plus GUILDS (servers, channels, roles), which JDA always
 * asks for. Neither is privileged; slash commands need no intent.
 */
@Singleton
public class DiscordBots {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBots.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    /** A JDA in these states will not reconnect by itself. */
    private static final Set<JDA.Status> GONE = EnumSet.of(JDA.Status.SHUTDOWN, JDA.Status.FAILED_TO_LOGIN);

    private final DiscordSettings settings;
    private final TenantRepository tenantRows;
    private final TenantService tenants;
    private final CommandRouter router;
    private final CommandRegistrar registrar;
    /** Tenant id → its running bot. */
    private final Map<String, Bot> bots = new ConcurrentHashMap<>();
    /** Tenant id → the sealed token Discord refused; compared with the stored one so a new token is tried. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    /** @param sealedToken the token as stored (sealed): changes when the tenant's token does */
    private record Bot(String sealedToken, JDA jda) {
    }

    public DiscordBots(DiscordSettings settings, TenantRepository tenantRows, TenantService tenants, CommandRouter router,
                       CommandRegistrar registrar) {
        this.settings = settings;
        this.tenantRows = tenantRows;
        this.tenants = tenants;
        this.router = router;
        this.registrar = registrar;
    }

    @Scheduled(initialDelay = "1s", fixedDelay = "${glyphoxa.discord.refresh-every:1m}")
    void scheduledRefresh() {
        if (!settings.enabled()) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Discord bots not refreshed, next try in {}: {}", settings.refreshEvery(), e.getMessage());
        }
    }

    /** Starts, restarts and stops bots so that each tenant with a token has one. */
    public synchronized void refresh() {
        if (!settings.enabled()) {
            return;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Tenant t : tenantRows.findAllOrderById()) {
            if (t.botToken() != null) {
                wanted.put(t.id(), t.botToken());
            }
        }
        for (String tenantId : List.copyOf(bots.keySet())) {
            String sealed = wanted.get(tenantId);
            JDA jda = bots.get(tenantId).jda();
            if (!Objects.equals(sealed, bots.get(tenantId).sealedToken())) {
                LOG.info("tenant '{}': bot token {}; stopping its Discord bot", tenantId, sealed == null ? "cleared" : "changed");
                bots.remove(tenantId).jda().shutdown();
            } else if (GONE.contains(jda.getStatus())) {
                // Discord closed the session for good (e.g. the token was reset while the bot ran): log in afresh,
                // which either works or marks the token as refused.
                LOG.warn("tenant '{}': Discord bot {}; logging in again", tenantId, jda.getStatus());
                bots.remove(tenantId);
            }
        }
        refused.keySet().removeIf(tenantId -> !Objects.equals(refused.get(tenantId), wanted.get(tenantId)));
        wanted.forEach((tenantId, sealed) -> {
            if (!bots.containsKey(tenantId) && !refused.containsKey(tenantId)) {
                start(tenantId, sealed);
            }
        });
    }

    private void start(String tenantId, String sealed) {
        String token;
        try {
            token = tenants.botToken(tenantId).orElse(null);
        } catch (ApiException e) {
            LOG.warn("tenant '{}': Discord bot not started, the token cannot be opened: {}", tenantId, e.getMessage());
            return;
        }
        if (token == null) {
            return;
        }
        try {
            // build() checks the token with Discord (GET users/@me) before it connects the gateway in the background.
            JDA jda = builder(tenantId, token).build();
            bots.put(tenantId, new Bot(sealed, jda));
            LOG.info("tenant '{}': Discord bot {} ({}) logged in, connecting", tenantId, jda.getSelfUser().getName(),
                    jda.getSelfUser().getId());
        } catch (InvalidTokenException e) {
            refused.put(tenantId, sealed);
            LOG.error("tenant '{}': Discord refused the bot token (invalid, or reset in the developer portal); the "
                    + "operator sets a new one with PATCH /api/tenants/{}", tenantId, tenantId);
        } catch (RuntimeException e) {
            // The message only: JDA's and OkHttp's exceptions name URLs, never the Authorization header.
            LOG.warn("tenant '{}': Discord bot not started, next try in {}: {}", tenantId, settings.refreshEvery(),
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private JDABuilder builder(String tenantId, String token) {
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.of(GatewayIntent.GUILD_VOICE_STATES))
                .enableCache(CacheFlag.VOICE_STATE)
                .setMemberCachePolicy(MemberCachePolicy.VOICE)
                .setEnableShutdownHook(false) // the application context shuts the bots down
                // Commands query PostgreSQL and wait for Kafka: run them off JDA's gateway thread.
                .setEventPool(Executors.newVirtualThreadPerTaskExecutor(), true)
                .addEventListeners(new BotListener(tenantId, router, registrar));
        if (settings.restBaseUrl() != null && !settings.restBaseUrl().isBlank()) {
            String base = settings.restBaseUrl().strip();
            builder.setRestConfig(new RestConfig().setBaseUrl(base.endsWith("/") ? base : base + "/"));
        }
        if (settings.gatewayUrl() != null && !settings.gatewayUrl().isBlank()) {
            String gateway = settings.gatewayUrl().strip();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            }).setCompression(Compression.NONE);
        }
        return builder;
    }

    /** Tenant id → the JDA status of its bot; refused tokens as {@code null}. */
    public Map<String, JDA.Status> statuses() {
        Map<String, JDA.Status> out = new LinkedHashMap<>();
        bots.forEach((tenantId, bot) -> out.put(tenantId, bot.jda().getStatus()));
        refused.keySet().forEach(tenantId -> out.put(tenantId, null));
        return out;
    }

    /** The running bot of a tenant, for tests and diagnostics. */
    public JDA bot(String tenantId) {
        Bot bot = bots.get(tenantId);
        return bot == null ? null : bot.jda();
    }

    @PreDestroy
    synchronized void close() {
        bots.values().forEach(b -> b.jda().shutdown());
        for (Bot b : bots.values()) {
            try {
                if (!b.jda().awaitShutdown(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    b.jda().shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                b.jda().shutdownNow();
            }
        }
        bots.clear();
    }

}
