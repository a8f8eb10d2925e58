package dev.glyphoxa.gateway.secret;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Vault's HTTP API, enough for the Transit engine at {@code transit/}: {@code sys/health},
 * {@code transit/encrypt/<key>} (creates the key on first use, as Vault does with an {@code update} policy) and
 * {@code transit/decrypt/<key>}. Ciphertext is AES-GCM with a per-key random key, so it neither contains the
 * plaintext nor decrypts when forged or sealed by another FakeVault. Written by hand because no Vault binary is
 * available offline; status codes and bodies follow Vault's API documentation.
 */
final class FakeVault implements AutoCloseable {

    private static final Pattern TRANSIT = Pattern.compile("/v1/transit/(encrypt|decrypt)/([^/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String token = "hvs." + HexFormat.of().formatHex(RANDOM.generateSeed(12));
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean sealed;

    FakeVault() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The only token this Vault accepts. */
    String token() {
        return token;
    }

    int requests() {
        return requests.get();
    }

    void seal() {
        sealed = true;
    }

    void unseal() {
        sealed = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/v1/sys/health") && exchange.getRequestMethod().equals("GET")) {
                // Vault answers health unauthenticated, 503 while sealed.
                respond(exchange, sealed ? 503 : 200, Json.object().add("initialized", true).add("sealed", sealed)
                        .add("standby", false).add("version", "1.19.0-fake"));
                return;
            }
            if (sealed) {
                respond(exchange, 503, errors("Vault is sealed"));
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
                respond(exchange, 403, errors("permission denied"));
                return;
            }
            Matcher transit = TRANSIT.matcher(path);
            if (!transit.matches() || !exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 404, errors("no handler for route \"" + path.substring(4) + "\". route entry not found."));
                return;
            }
            JsonObject request = Json.parse(body).asObject();
            if (transit.group(1).equals("encrypt")) {
                encrypt(exchange, transit.group(2), request.getString("plaintext", null));
            } else {
                decrypt(exchange, transit.group(2), request.getString("ciphertext", null));
            }
        }
    }

    private void encrypt(HttpExchange exchange, String keyName, String base64) throws IOException {
        if (base64 == null) {
            respond(exchange, 400, errors("missing plaintext to encrypt"));
            return;
        }
        byte[] plaintext;
        try {
            plaintext = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, errors("failed to base64-decode plaintext"));
            return;
        }
        SecretKey key = keys.computeIfAbsent(keyName, k -> newKey());
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, plaintext);
        String ciphertext = "vault:v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        respond(exchange, 200, answer(Json.object().add("ciphertext", ciphertext).add("key_version", 1)));
    }

    private void decrypt(HttpExchange exchange, String keyName, String ciphertext) throws IOException {
        SecretKey key = keys.get(keyName);
        if (key == null) {
            respond(exchange, 400, errors("encryption key not found"));
            return;
        }
        if (ciphertext == null || !ciphertext.startsWith("vault:v1:")) {
            respond(exchange, 400, errors("invalid ciphertext: no prefix"));
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(ciphertext.substring("vault:v1:".length()));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, errors("invalid ciphertext: could not decode"));
            return;
        }
        if (raw.length < 12 + 16) {
            respond(exchange, 400, errors("invalid ciphertext: too short"));
            return;
        }
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, 12));
            plaintext = cipher.doFinal(raw, 12, raw.length - 12);
        } catch (AEADBadTagException e) {
            respond(exchange, 400, errors("cipher: message authentication failed"));
            return;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        respond(exchange, 200, answer(Json.object().add("plaintext", Base64.getEncoder().encodeToString(plaintext))));
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelope Vault puts around every secrets-engine answer. */
    private static JsonObject answer(JsonObject data) {
        return Json.object().add("request_id", java.util.UUID.randomUUID().toString()).add("lease_id", "")
                .add("renewable", false).add("lease_duration", 0).add("data", data);
    }

    private static JsonObject errors(String message) {
        return Json.object().add("errors", Json.array(message));
    }

    private static void respond(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
