package dev.glyphoxa.voicebridge.discord;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's own bot token, from the gateway's {@code GET /internal/tenants/{id}/bot-token} (authenticated by
 * the internal service key). Cached per tenant, since a login needs it only once; forgotten when Discord refuses
 * it ({@link #refused}), so a token the tenant has since replaced is fetched again. Every failure becomes a
 * {@link BotTokenException} saying what the gateway answered; none carries a response body of a 200 (it may hold
 * the token), the token or the key.
 */
final class GatewayBotTokens implements BotTokens {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBotTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String internalKey;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    GatewayBotTokens(String baseUrl, String internalKey, Duration timeout) {
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.internalKey = internalKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String bot(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("the session names no tenant, so there is no bot to join it with");
        }
        return "tenant " + tenantId;
    }

    @Override
    public String token(String tenantId) {
        bot(tenantId);
        String cached = cache.get(tenantId);
        if (cached != null) {
            return cached;
        }
        String token = fetch(tenantId);
        cache.put(tenantId, token);
        LOG.info("tenant '{}': bot token fetched from the gateway", tenantId);
        return token;
    }

    @Override
    public boolean refused(String tenantId) {
        cache.remove(tenantId);
        return true;
    }

    @Override
    public String describe() {
        return "each tenant's bot token from the gateway at " + baseUrl;
    }

    private String fetch(String tenantId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/tenants/"
                        + URLEncoder.encode(tenantId, StandardCharsets.UTF_8).replace("+", "%20") + "/bot-token"))
                .timeout(timeout).header("Authorization", "Bearer " + internalKey).header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BotTokenException("the gateway at " + baseUrl + " did not answer within " + timeout.toMillis()
                    + " ms (tenant '" + tenantId + "')");
        } catch (IOException e) {
            throw new BotTokenException("cannot reach the gateway at " + baseUrl + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotTokenException("interrupted while asking the gateway for tenant '" + tenantId + "''s bot token");
        }
        return switch (response.statusCode()) {
            case 200 -> tokenOf(response.body(), tenantId);
            case 401, 403 -> throw new BotTokenException("the gateway refused the internal key (" + response.statusCode()
                    + "): GLYPHOXA_INTERNAL_KEY must be the gateway's glyphoxa.gateway.internal-key");
            case 404 -> throw new BotTokenException("the gateway has no bot token for tenant '" + tenantId + "' (404: "
                    + reason(response.body()) + ")");
            case 503 -> throw new BotTokenException("the gateway cannot read tenant '" + tenantId + "''s bot token now (503: "
                    + reason(response.body()) + ")");
            default -> throw new BotTokenException("the gateway answered " + response.statusCode()
                    + " to the bot token request of tenant '" + tenantId + "'");
        };
    }

    /** A 200 body is never put into a message: whatever is wrong with it, it may still hold the token. */
    private static String tokenOf(String body, String tenantId) {
        JsonNode token;
        try {
            token = JSON.readTree(body).path("token");
        } catch (JacksonException e) {
            throw new BotTokenException("the gateway's answer for tenant '" + tenantId + "' is not JSON");
        }
        if (!token.isTextual() || token.asText().isBlank()) {
            throw new BotTokenException("the gateway's answer for tenant '" + tenantId + "' has no \"token\" text");
        }
        return token.asText();
    }

    /** The gateway's error message ({"message": ...}, which never holds a secret), or that there was none. */
    private static String reason(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual()) {
                String text = message.asText();
                return text.length() > 200 ? text.substring(0, 200) + "..." : text;
            }
        } catch (JacksonException e) {
            // not the gateway's error shape: say so below
        }
        return "no error message";
    }
}
