package dev.glyphoxa.gateway.secret;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.HealthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.rest.RestResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seals bot tokens with Vault's Transit engine ({@code POST /v1/<mount>/encrypt/<key>} and {@code .../decrypt/<key>}).
 * The stored value is Vault's ciphertext exactly as returned, {@code vault:v<key version>:...}, so key rotation
 * and {@code rewrap} in Vault work on it unchanged.
 */
public final class VaultTransitCipher implements TokenCipher {

    /** One retry after a short pause rides out a Vault leader change; more would stall a request for long. */
    private static final int RETRIES = 1;
    private static final int RETRY_PAUSE_MS = 250;
    private static final String PROBE = "glyphoxa-readiness-probe";

    private final Vault vault;
    private final String address;
    private final String mount;
    private final String key;
    /** Kept only to scrub it from text Vault sends back. */
    private final String vaultToken;

    public VaultTransitCipher(VaultSettings settings) {
        this.address = checkedAddress(settings);
        if (settings.token() == null || settings.token().isBlank()) {
            throw new TokenCipherException("glyphoxa.vault.address is set (" + address + ") but no Vault token is: "
                    + "set VAULT_TOKEN / glyphoxa.vault.token, or unset the address to store bot tokens in plaintext");
        }
        this.vaultToken = settings.token();
        this.mount = trimSlashes(settings.transitMount());
        this.key = trimSlashes(settings.keyName());
        int seconds = (int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
        try {
            VaultConfig config = new VaultConfig()
                    .address(address)
                    .token(settings.token())
                    .openTimeout(seconds)
                    .readTimeout(seconds)
                    .build();
            // Engine version 1: with the driver's default (2) it would rewrite transit/encrypt/k to transit/data/encrypt/k.
            this.vault = Vault.create(config, 1).withRetries(RETRIES, RETRY_PAUSE_MS);
        } catch (VaultException e) {
            throw new TokenCipherException("cannot set up the Vault client for " + address + ": " + e.getMessage());
        }
    }

    @Override
    public String seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (TokenCipher.isVaultCiphertext(plaintext)) {
            // Sealing twice would store ciphertext of ciphertext, and open() would hand Discord the inner one.
            throw new TokenCipherException("refusing to seal a value that already is Vault ciphertext: store it as it is");
        }
        String base64 = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        String ciphertext = transit("encrypt", Map.<String, Object>of("plaintext", base64), plaintext, base64).get("ciphertext");
        if (!TokenCipher.isVaultCiphertext(ciphertext)) {
            throw new TokenCipherException("Vault at " + address + " answered " + path("encrypt")
                    + " without a vault: ciphertext: is " + mount + " a Transit engine?");
        }
        return ciphertext;
    }

    @Override
    public String open(String stored) {
        Objects.requireNonNull(stored, "stored");
        if (!TokenCipher.isVaultCiphertext(stored)) {
            return stored;
        }
        String base64 = transit("decrypt", Map.<String, Object>of("ciphertext", stored)).get("plaintext");
        if (base64 == null) {
            throw new TokenCipherException("Vault at " + address + " answered " + path("decrypt") + " without a plaintext");
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes the offending character.
            throw new TokenCipherException("Vault at " + address + " answered " + path("decrypt")
                    + " with a plaintext that is not base64");
        }
    }

    @Override
    public boolean needsResealing(String stored) {
        return !TokenCipher.isVaultCiphertext(stored);
    }

    @Override
    public String describe() {
        return "vault transit key " + key + " at " + address + " (mount " + mount + ")";
    }

    /**
     * For readiness: Vault answers, is unsealed, and this token may both encrypt and decrypt with the key.
     *
     * @return what was checked
     * @throws TokenCipherException saying what is wrong
     */
    String check() {
        HealthResponse health;
        try {
            health = vault.debug().health();
        } catch (VaultException e) {
            throw failed("sys/health", e);
        }
        if (Boolean.FALSE.equals(health.getInitialized())) {
            throw new TokenCipherException("Vault at " + address + " is not initialized: run 'vault operator init'");
        }
        if (Boolean.TRUE.equals(health.getSealed())) {
            throw new TokenCipherException("Vault at " + address + " is sealed: unseal it ('vault operator unseal')");
        }
        if (!PROBE.equals(open(seal(PROBE)))) {
            throw new TokenCipherException("Vault at " + address + " decrypted the readiness probe to something else");
        }
        return describe() + ": encrypt and decrypt work";
    }

    /**
     * @param secrets strings to scrub from anything Vault sends back, on top of the Vault token
     * @return the {@code data} of a 2xx answer
     */
    private Map<String, String> transit(String operation, Map<String, Object> body, String... secrets) {
        LogicalResponse response;
        try {
            response = vault.logical().write(path(operation), body);
        } catch (VaultException e) {
            throw failed(path(operation), e);
        }
        // The driver returns 4xx answers (a bad token gives 403) instead of throwing: the status must be checked.
        RestResponse rest = response.getRestResponse();
        if (rest.getStatus() / 100 != 2) {
            throw refused(operation, rest.getStatus(), vaultErrors(rest.getBody(), secrets));
        }
        return response.getData();
    }

    private TokenCipherException refused(String operation, int status, String errors) {
        return switch (status) {
            case 403 -> new TokenCipherException("Vault refused the token (403): check VAULT_TOKEN / glyphoxa.vault.token"
                    + " and its policy on " + path("encrypt") + " and " + path("decrypt") + " (Vault at " + address + ")");
            case 404 -> new TokenCipherException("Vault at " + address + " has no Transit engine at " + mount + "/ (404"
                    + errors + "): enable it with 'vault secrets enable -path=" + mount + " transit' or set "
                    + "glyphoxa.vault.transit-mount");
            case 400 -> "decrypt".equals(operation)
                    ? new TokenCipherException("Vault could not decrypt a stored bot token with " + describe() + " (400"
                    + errors + "): it was sealed by another key or Vault, or is damaged; set the bot token again")
                    : new TokenCipherException("Vault refused to encrypt with " + describe() + " (400" + errors + ")");
            default -> new TokenCipherException("Vault at " + address + " answered " + status + " to " + path(operation)
                    + errors);
        };
    }

    /** The driver throws for transport failures and 5xx answers (after its retries). */
    private TokenCipherException failed(String path, VaultException e) {
        if (e.getHttpStatusCode() != 0) {
            // Not chained: the driver's message carries the whole response body.
            String hint = e.getHttpStatusCode() == 503 ? " (sealed, or in maintenance?)" : "";
            return new TokenCipherException("Vault at " + address + " answered " + e.getHttpStatusCode() + " to " + path
                    + hint);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                // Transport exceptions name host and port at most, so the chain is safe to keep for diagnosis.
                return new TokenCipherException("Vault unreachable at " + address + " (" + cause.getClass().getSimpleName()
                        + "): check glyphoxa.vault.address / VAULT_ADDR and that Vault is running", e);
            }
        }
        return new TokenCipherException("Vault at " + address + " failed on " + path + " ("
                + rootCause(e).getClass().getSimpleName() + ")");
    }

    /** Vault's {@code errors} list (e.g. "permission denied"), scrubbed of secrets, as ": a; b" or "". */
    private String vaultErrors(byte[] body, String... secrets) {
        List<String> errors = new ArrayList<>();
        try {
            JsonValue list = Json.parse(new String(body, StandardCharsets.UTF_8)).asObject().get("errors");
            if (list != null && list.isArray()) {
                list.asArray().forEach(v -> errors.add(v.isString() ? v.asString() : v.toString()));
            }
        } catch (RuntimeException notJson) {
            return "";
        }
        String text = String.join("; ", errors);
        text = scrub(text, vaultToken);
        for (String secret : secrets) {
            text = scrub(text, secret);
        }
        text = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return text.isEmpty() ? "" : ": " + text;
    }

    private String path(String operation) {
        return mount + "/" + operation + "/" + key;
    }

    private static String scrub(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "[redacted]");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String checkedAddress(VaultSettings settings) {
        String address = settings.address() == null ? "" : settings.address().trim();
        try {
            URI uri = URI.create(address);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new TokenCipherException("glyphoxa.vault.address / VAULT_ADDR must be an http:// or https:// URL such as "
                + "https://vault.example:8200, not '" + address + "'");
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
