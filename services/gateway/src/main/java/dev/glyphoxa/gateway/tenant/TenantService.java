package dev.glyphoxa.gateway.tenant;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.ApiException.Problem;
import dev.glyphoxa.gateway.secret.TokenCipher;
import dev.glyphoxa.gateway.secret.TokenCipherException;
import dev.glyphoxa.gateway.session.SessionAllowance;
import dev.glyphoxa.gateway.store.Tenant;
import dev.glyphoxa.gateway.store.TenantGuild;
import dev.glyphoxa.gateway.store.TenantGuildRepository;
import dev.glyphoxa.gateway.store.TenantRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants, as the operator manages them. The bot token is sealed by the {@link TokenCipher} on every write (Vault
 * Transit when configured) and opened only for the Discord bot; a token still stored in plaintext from before
 * Vault was configured is re-sealed on the tenant's next write. The API key is generated here, returned once, and
 * stored as its hash.
 */
@Singleton
public class TenantService {

    private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);
    /** Monthly session hours of each licence tier when the operator sets none; null means unlimited. */
    static final Map<String, Integer> TIER_HOURS = Map.of("free", 10, "pro", 100);

    private final TenantRepository tenants;
    private final TenantGuildRepository guilds;
    private final TokenCipher cipher;
    private final SessionAllowance allowance;

    public TenantService(TenantRepository tenants, TenantGuildRepository guilds, TokenCipher cipher,
                         SessionAllowance allowance) {
        this.tenants = tenants;
        this.guilds = guilds;
        this.cipher = cipher;
        this.allowance = allowance;
    }

    /** Absent (null) fields of an update are left as they are; {@code clearBotToken} removes the token. */
    public record Changes(@Nullable String name, @Nullable String licenseTier, @Nullable List<String> guildIds,
                          @Nullable String gmRoleId, @Nullable String botToken, boolean clearBotToken,
                          @Nullable Integer monthlySessionHours) {
    }

    /** What the API may show of a tenant: never the token or the key, only whether a token is set and how it is kept. */
    public record TenantInfo(String id, String name, String licenseTier, List<String> guildIds, @Nullable String gmRoleId,
                             boolean botTokenSet, boolean botTokenEncrypted, @Nullable Integer monthlySessionHours,
                             double hoursUsedThisMonth, Instant createdAt) {
    }

    public record Created(TenantInfo tenant, String apiKey) {
    }

    @Transactional
    public Created create(String id, Changes fields) {
        TenantValidation.requireValid(id, fields, true);
        if (tenants.existsById(id)) {
            throw ApiException.conflict("a tenant with id '" + id + "' already exists");
        }
        String tier = fields.licenseTier() == null ? "free" : fields.licenseTier();
        Integer hours = fields.monthlySessionHours() != null ? hoursOrUnlimited(fields.monthlySessionHours()) : TIER_HOURS.get(tier);
        String apiKey = ApiKeys.generate();
        tenants.save(new Tenant(id, fields.name().strip(), tier, fields.gmRoleId(),
                fields.botToken() == null ? null : seal(fields.botToken().strip()), ApiKeys.hash(apiKey), hours, null));
        replaceGuilds(id, fields.guildIds() == null ? List.of() : fields.guildIds());
        LOG.info("tenant '{}' created ({} tier)", id, tier);
        return new Created(info(require(id)), apiKey);
    }

    @Transactional
    public TenantInfo update(String id, Changes changes) {
        Tenant t = require(id);
        TenantValidation.requireValid(id, changes, false);
        String token = t.botToken();
        if (changes.clearBotToken()) {
            token = null;
        } else if (changes.botToken() != null) {
            token = seal(changes.botToken().strip());
        } else if (token != null && cipher.needsResealing(token)) {
            token = seal(open(token));
            LOG.info("tenant '{}': bot token re-sealed ({})", id, cipher.describe());
        }
        tenants.update(new Tenant(id, changes.name() != null ? changes.name().strip() : t.name(),
                changes.licenseTier() != null ? changes.licenseTier() : t.licenseTier(),
                changes.gmRoleId() != null ? emptyToNull(changes.gmRoleId()) : t.gmRoleId(), token, t.apiKeyHash(),
                changes.monthlySessionHours() != null ? hoursOrUnlimited(changes.monthlySessionHours()) : t.monthlySessionHours(),
                t.createdAt()));
        if (changes.guildIds() != null) {
            replaceGuilds(id, changes.guildIds());
        }
        return info(require(id));
    }

    /** A new API key; the old one stops working at once. */
    public String rotateApiKey(String id) {
        require(id);
        String apiKey = ApiKeys.generate();
        tenants.updateApiKeyHash(id, ApiKeys.hash(apiKey));
        LOG.info("tenant '{}': API key rotated", id);
        return apiKey;
    }

    public List<TenantInfo> list() {
        return tenants.findAllOrderById().stream().map(this::info).toList();
    }

    public TenantInfo get(String id) {
        return info(require(id));
    }

    /** The plaintext bot token, for the Discord bot only; empty when none is set. */
    public Optional<String> botToken(String id) {
        return Optional.ofNullable(require(id).botToken()).map(this::open);
    }

    /** The tenant a Discord server belongs to. */
    public Optional<TenantGuild> guild(String guildId) {
        return guilds.findById(guildId);
    }

    private void replaceGuilds(String tenantId, List<String> guildIds) {
        List<Problem> taken = new ArrayList<>();
        for (String g : guildIds) {
            guilds.findById(g).filter(existing -> !existing.tenantId().equals(tenantId))
                    .ifPresent(other -> taken.add(new Problem("guildIds", null,
                            "Discord server " + g + " is already registered to another tenant")));
        }
        if (!taken.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, taken.getFirst().message(), taken);
        }
        List<TenantGuild> current = guilds.findByTenantIdOrderByGuildId(tenantId);
        current.stream().filter(g -> !guildIds.contains(g.guildId())).forEach(guilds::delete);
        guildIds.stream().distinct().filter(g -> current.stream().noneMatch(c -> c.guildId().equals(g)))
                .forEach(g -> guilds.save(new TenantGuild(g, tenantId, null, null)));
    }

    /** Vault down or refusing is the token store being unavailable: 503 with the cipher's (secret-free) reason. */
    private String seal(String token) {
        try {
            return cipher.seal(token);
        } catch (TokenCipherException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot store the bot token: " + e.getMessage());
        }
    }

    private String open(String stored) {
        try {
            return cipher.open(stored);
        } catch (TokenCipherException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "cannot read the bot token: " + e.getMessage());
        }
    }

    private TenantInfo info(Tenant t) {
        return new TenantInfo(t.id(), t.name(), t.licenseTier(),
                guilds.findByTenantIdOrderByGuildId(t.id()).stream().map(TenantGuild::guildId).toList(), t.gmRoleId(),
                t.botToken() != null, t.botToken() != null && TokenCipher.isVaultCiphertext(t.botToken()), t.monthlySessionHours(),
                Math.round(allowance.usedThisMonth(t.id(), Instant.now()).toSeconds() / 36.0) / 100.0,
                t.createdAt());
    }

    private Tenant require(String id) {
        return tenants.findById(id).orElseThrow(() -> ApiException.notFound("no tenant '" + id + "'"));
    }

    private static String emptyToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    /** -1 means "no limit" (JSON merge cannot tell absent from null). */
    private static Integer hoursOrUnlimited(int hours) {
        return hours < 0 ? null : hours;
    }
}
