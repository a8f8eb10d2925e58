package dev.glyphoxa.gateway.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local Discord for one bot and one server, speaking Discord's wire format (API v10) to a real JDA:
 * <ul>
 *   <li>the gateway (WebSocket, JSON, no compression): HELLO (op 10), IDENTIFY (op 2) answered by READY and
 *       GUILD_CREATE dispatches (op 0 with {@code s} and {@code t}), heartbeat (op 1) answered by ACK (op 11); tests
 *       dispatch INTERACTION_CREATE (slash commands, autocomplete, modal submits, button clicks);</li>
 *   <li>REST on the JDK HttpServer: {@code users/@me}, application info, guild command registration, interaction
 *       callbacks, the interaction webhook ({@code @original} edits and deletes, follow-ups), channel messages, and
 *       attachment downloads. Every call is recorded so tests can assert on what the bot sent.</li>
 * </ul>
 * The server has a text channel, a voice channel, an @everyone role, a GM role and an admin role (Administrator
 * permission), and members: a GM in the voice channel, a GM not in voice, a player in the voice channel, an admin.
 * Snowflakes carry the current time, as Discord's do, and are random enough for test classes to share a database.
 */
public final class FakeDiscord implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final int EPHEMERAL = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One REST call as JDA made it. */
    public record Call(String method, String path, String query, String authorization, String body) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** A member of the fake server, by the ids of its roles; {@code inVoice}: in the voice channel from the start. */
    public record Member(String id, String username, List<String> roles, boolean inVoice) {
    }

    /** An interaction the fake sent; its answers are the calls made with its id and token. */
    public record Interaction(String id, String token) {
    }

    /** Discord's epoch (2015-01-01): snowflakes carry their creation time, and JDA expires interactions by it. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong snowflakes = new AtomicLong(ThreadLocalRandom.current().nextLong(1 << 21));
    public final String applicationId = snowflake();
    public final String guildId = snowflake();
    public final String textChannelId = snowflake();
    public final String voiceChannelId = snowflake();
    public final String gmRoleId = snowflake();
    public final String adminRoleId = snowflake();
    public final Member gm = new Member(snowflake(), "gamemaster", List.of(gmRoleId), true);
    public final Member gmAway = new Member(snowflake(), "gm-away", List.of(gmRoleId), false);
    public final Member player = new Member(snowflake(), "player", List.of(), true);
    public final Member admin = new Member(snowflake(), "admin", List.of(adminRoleId), false);
    /** The server's owner, a member none of the tests act as: owners have every permission regardless of roles. */
    private final String ownerId = snowflake();

    private final Set<String> validTokens;
    private final HttpServer http;
    private final Gateway gateway;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket session;
    private volatile boolean channelMessagesRefused;

    /** @param validTokens the bot tokens Discord accepts; any other is refused with 401 */
    public FakeDiscord(String... validTokens) {
        this.validTokens = Set.of(validTokens);
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", this::handle);
            http.start();
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            gateway = new Gateway(channel);
            gateway.start();
            if (!gateway.started.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake gateway did not start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String restBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.port + "/";
    }

    /** When set, posting in a channel fails with 403 Missing Permissions, as for a bot without Send Messages there. */
    public void refuseChannelMessages(boolean refuse) {
        channelMessagesRefused = refuse;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    // ---- waiting ---------------------------------------------------------------------------------------------

    /** The first call that matches, waiting for it until the deadline. */
    public Call await(String what, Predicate<Call> match) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Call> found = calls.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("Discord never received " + what + "; calls: " + calls);
    }

    /** Waits until {@code n} calls match. */
    public List<Call> awaitCalls(String what, int n, Predicate<Call> match) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> found = calls.stream().filter(match).toList();
            if (found.size() >= n) {
                return found;
            }
            pause();
        }
        throw new AssertionError("Discord never received " + n + " × " + what + "; calls: " + calls);
    }

    public Call awaitCall(String method, String pathEnd) {
        return await(method + " …" + pathEnd, c -> c.method().equals(method) && c.path().endsWith(pathEnd));
    }

    /** The interaction callback (reply, deferral, modal, autocomplete result, message update). */
    public JsonNode callback(Interaction i) {
        return awaitCall("POST", "/interactions/" + i.id() + "/" + i.token() + "/callback").json();
    }

    /** What the caller finally reads: a reply, or the edit of a deferred answer, or the follow-up after one. */
    public Answer answer(Interaction i) {
        JsonNode callback = callback(i);
        int type = callback.path("type").asInt();
        if (type == 4 || type == 7) {
            JsonNode data = callback.path("data");
            return new Answer(type, data.path("content").asText(""), ephemeral(data), data);
        }
        if (type != 5) {
            throw new AssertionError("interaction answered with callback type " + type + ": " + callback);
        }
        String hook = "/webhooks/" + applicationId + "/" + i.token();
        Call last = await("the answer to deferred interaction " + i.id(), c ->
                (c.method().equals("PATCH") && c.path().endsWith(hook + "/messages/@original"))
                        || (c.method().equals("POST") && c.path().endsWith(hook)));
        JsonNode data = last.json();
        boolean ephemeral = last.method().equals("PATCH") ? ephemeral(callback.path("data")) : ephemeral(data);
        return new Answer(type, data.path("content").asText(""), ephemeral, data);
    }

    /** @param type the callback type: 4 reply, 5 deferred, 7 message update */
    public record Answer(int type, String content, boolean ephemeral, JsonNode data) {
    }

    private static boolean ephemeral(JsonNode data) {
        return (data.path("flags").asInt() & EPHEMERAL) != 0;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- interactions ----------------------------------------------------------------------------------------

    /**
     * A slash command; options are given as name, value pairs (String, Boolean, or an attachment from
     * {@link #attachment}).
     */
    public Interaction slash(Member member, String command, String subcommand, Object... options) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        List<Object> opts = options(options, resolved);
        List<Object> top = subcommand == null ? opts : List.of(obj("type", 1, "name", subcommand, "options", opts));
        Map<String, Object> data = obj("id", snowflake(), "name", command, "type", 1, "options", top, "guild_id", guildId);
        if (!resolved.isEmpty()) {
            data.put("resolved", obj("attachments", resolved));
        }
        return interact(member, 2, data, null);
    }

    /** Autocomplete for the focused option, with what was typed so far. */
    public Interaction autocomplete(Member member, String command, String subcommand, String focused, String typed) {
        Map<String, Object> option = obj("type", 3, "name", focused, "value", typed, "focused", true);
        return interact(member, 4, obj("id", snowflake(), "name", command, "type", 1, "guild_id", guildId,
                "options", List.of(obj("type", 1, "name", subcommand, "options", List.of(option)))), null);
    }

    /** A modal submit; a String value is a text input, a List of strings a string select. */
    public Interaction submitModal(Member member, String customId, Map<String, Object> values) {
        List<Object> components = new ArrayList<>();
        int uniqueId = 1;
        for (Map.Entry<String, Object> v : values.entrySet()) {
            Map<String, Object> inner = v.getValue() instanceof List<?> list
                    ? obj("type", 3, "id", uniqueId + 1, "custom_id", v.getKey(), "values", list)
                    : obj("type", 4, "id", uniqueId + 1, "custom_id", v.getKey(), "value", v.getValue());
            components.add(obj("type", 18, "id", uniqueId, "component", inner));
            uniqueId += 2;
        }
        return interact(member, 5, obj("custom_id", customId, "components", components), null);
    }

    /** A click on a button of an ephemeral message (Discord sends only its id and flags). */
    public Interaction clickButton(Member member, String customId) {
        return interact(member, 3, obj("custom_id", customId, "component_type", 2),
                obj("id", snowflake(), "flags", EPHEMERAL));
    }

    /** A file a slash command can carry; served at its URL for the bot to download. */
    public Map<String, Object> attachment(String filename, String contentType, String content) {
        String id = snowflake();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.put(id, bytes);
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/attachments/" + textChannelId + "/" + id + "/" + filename;
        return obj("id", id, "filename", filename, "size", bytes.length, "url", url, "proxy_url", url,
                "content_type", contentType, "ephemeral", true);
    }

    private List<Object> options(Object[] options, Map<String, Object> resolved) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            String name = (String) options[i];
            Object value = options[i + 1];
            if (value instanceof Map<?, ?> file) {
                resolved.put((String) file.get("id"), file);
                out.add(obj("type", 11, "name", name, "value", file.get("id")));
            } else if (value instanceof Boolean b) {
                out.add(obj("type", 5, "name", name, "value", b));
            } else {
                out.add(obj("type", 3, "name", name, "value", String.valueOf(value)));
            }
        }
        return out;
    }

    private Interaction interact(Member member, int type, Map<String, Object> data, Map<String, Object> message) {
        Interaction interaction = new Interaction(snowflake(), "token-" + snowflake());
        Map<String, Object> payload = obj(
                "id", interaction.id(),
                "application_id", applicationId,
                "type", type,
                "data", data,
                "guild_id", guildId,
                "guild", obj("id", guildId, "locale", "en-US", "features", List.of()),
                "channel_id", textChannelId,
                "channel", textChannel(),
                "member", member(member, true),
                "token", interaction.token(),
                "version", 1,
                "app_permissions", "2248473465835073",
                "locale", "en-GB",
                "guild_locale", "en-US",
                "entitlements", List.of(),
                "authorizing_integration_owners", obj("0", guildId),
                "context", 0,
                "attachment_size_limit", 10485760);
        if (message != null) {
            payload.put("message", message);
        }
        dispatch("INTERACTION_CREATE", payload);
        return interaction;
    }

    // ---- the server's content ---------------------------------------------------------------------------------

    private Map<String, Object> user(String id, String username, boolean bot) {
        return obj("id", id, "username", username, "discriminator", "0", "global_name", null, "avatar", null,
                "bot", bot, "system", false, "public_flags", 0);
    }

    private Map<String, Object> botUser() {
        Map<String, Object> user = user(applicationId, "Glyphoxa", true);
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.put("flags", 0);
        return user;
    }

    private Map<String, Object> member(Member m, boolean withPermissions) {
        Map<String, Object> json = obj("user", user(m.id(), m.username(), false), "roles", m.roles(), "nick", null,
                "avatar", null, "joined_at", "2025-01-01T00:00:00.000000+00:00", "premium_since", null,
                "deaf", false, "mute", false, "flags", 0, "pending", false, "communication_disabled_until", null);
        if (withPermissions) {
            json.put("permissions", m.roles().contains(adminRoleId) ? "8" : "2248473465835073");
        }
        return json;
    }

    private Map<String, Object> role(String id, String name, String permissions, int position) {
        return obj("id", id, "name", name, "color", 0, "colors", obj("primary_color", 0, "secondary_color", null,
                        "tertiary_color", null), "hoist", false, "icon", null, "unicode_emoji", null,
                "position", position, "permissions", permissions, "managed", false, "mentionable", false, "flags", 0);
    }

    private Map<String, Object> textChannel() {
        return obj("id", textChannelId, "type", 0, "guild_id", guildId, "name", "tavern", "position", 0,
                "permission_overwrites", List.of(), "parent_id", null, "topic", null, "nsfw", false,
                "last_message_id", null, "rate_limit_per_user", 0, "flags", 0);
    }

    private Map<String, Object> voiceChannel() {
        return obj("id", voiceChannelId, "type", 2, "guild_id", guildId, "name", "Table", "position", 1,
                "permission_overwrites", List.of(), "parent_id", null, "nsfw", false, "bitrate", 64000,
                "user_limit", 0, "rtc_region", null, "rate_limit_per_user", 0, "last_message_id", null, "flags", 0);
    }

    private Map<String, Object> voiceState(Member m) {
        return obj("user_id", m.id(), "channel_id", voiceChannelId, "session_id", "voice-" + m.id(),
                "deaf", false, "mute", false, "self_deaf", false, "self_mute", false, "self_stream", false,
                "self_video", false, "suppress", false, "request_to_speak_timestamp", null);
    }

    private Map<String, Object> guild() {
        List<Member> members = List.of(gm, gmAway, player, admin);
        List<Object> memberJson = new ArrayList<>();
        memberJson.add(obj("user", botUser(), "roles", List.of(), "nick", null, "avatar", null,
                "joined_at", "2025-01-01T00:00:00.000000+00:00", "deaf", false, "mute", false, "flags", 0, "pending", false));
        // Discord sends the members in voice (and the bot) in GUILD_CREATE; the others only with GUILD_MEMBERS.
        members.stream().filter(Member::inVoice).forEach(m -> memberJson.add(member(m, false)));
        return obj(
                "id", guildId, "name", "The Rusty Anchor Players", "icon", null, "splash", null, "banner", null,
                "description", null, "owner_id", ownerId, "afk_channel_id", null, "afk_timeout", 300,
                "verification_level", 0, "default_message_notifications", 0, "explicit_content_filter", 0,
                "mfa_level", 0, "premium_tier", 0, "premium_subscription_count", 0, "preferred_locale", "en-US",
                "nsfw_level", 0, "premium_progress_bar_enabled", false, "system_channel_id", null,
                "system_channel_flags", 0, "rules_channel_id", null, "public_updates_channel_id", null,
                "safety_alerts_channel_id", null, "vanity_url_code", null, "max_members", 500000,
                "features", List.of(), "emojis", List.of(), "stickers", List.of(), "soundboard_sounds", List.of(),
                "roles", List.of(role(guildId, "@everyone", "2248473465835073", 0), role(gmRoleId, "Game Master", "0", 1),
                        role(adminRoleId, "Admin", "8", 2)),
                "joined_at", "2025-01-01T00:00:00.000000+00:00", "large", false, "unavailable", false,
                "member_count", members.size() + 1, "members", memberJson,
                "voice_states", members.stream().filter(Member::inVoice).map(this::voiceState).toList(),
                "channels", List.of(textChannel(), voiceChannel()), "threads", List.of(), "presences", List.of(),
                "stage_instances", List.of(), "guild_scheduled_events", List.of());
    }

    private Map<String, Object> message(String channelId, JsonNode request) {
        Map<String, Object> m = obj("id", snowflake(), "channel_id", channelId, "type", 0,
                "content", request.path("content").asText(""), "author", user(applicationId, "Glyphoxa", true),
                "timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString(), "edited_timestamp", null, "tts", false,
                "mention_everyone", false, "mentions", List.of(), "mention_roles", List.of(), "attachments", List.of(),
                "pinned", false, "flags", request.path("flags").asInt(0), "application_id", applicationId);
        List<Object> embeds = new ArrayList<>();
        request.path("embeds").forEach(e -> {
            // As Discord does: a bot's embeds come back as "rich" embeds.
            Map<String, Object> embed = JSON.convertValue(e, LinkedHashMap.class);
            embed.putIfAbsent("type", "rich");
            embeds.add(embed);
        });
        m.put("embeds", embeds);
        m.put("components", request.has("components") ? request.get("components") : List.of());
        return m;
    }

    // ---- REST ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call(method, path, String.valueOf(exchange.getRequestURI().getQuery()), auth, body));
        try {
            route(exchange, method, path.startsWith("/api/v10/") ? path.substring("/api/v10/".length()) : path, auth, body);
        } catch (RuntimeException e) {
            respond(exchange, 500, obj("message", String.valueOf(e), "code", 0));
        }
    }

    private void route(HttpExchange exchange, String method, String path, String auth, String body) throws IOException {
        List<String> p = Arrays.asList(path.split("/"));
        if (path.startsWith("/attachments/")) {
            byte[] file = files.get(p.get(3));
            if (file == null) {
                respond(exchange, 404, obj("message", "404: Not Found", "code", 0));
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
                exchange.close();
            }
            return;
        }
        boolean webhook = path.startsWith("webhooks/") || path.startsWith("interactions/");
        if (!webhook && (auth == null || !auth.startsWith("Bot ") || !validTokens.contains(auth.substring(4)))) {
            respond(exchange, 401, obj("message", "401: Unauthorized", "code", 0));
            return;
        }
        if (method.equals("GET") && path.equals("users/@me")) {
            respond(exchange, 200, botUser());
        } else if (method.equals("GET") && (path.equals("applications/@me") || path.equals("oauth2/applications/@me"))) {
            respond(exchange, 200, obj("id", applicationId, "name", "Glyphoxa", "icon", null, "description", "",
                    "bot_public", false, "bot_require_code_grant", false, "flags", 0, "owner", user(admin.id(), "admin", false)));
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            respond(exchange, 200, obj("url", gatewayUrl(), "shards", 1, "session_start_limit",
                    obj("total", 1000, "remaining", 999, "reset_after", 0, "max_concurrency", 1)));
        } else if (method.equals("PUT") && p.size() == 5 && p.get(0).equals("applications") && p.get(2).equals("guilds")
                && p.get(4).equals("commands")) {
            List<Object> registered = new ArrayList<>();
            for (JsonNode command : JSON.readTree(body)) {
                Map<String, Object> c = JSON.convertValue(command, LinkedHashMap.class);
                c.put("id", snowflake());
                c.put("application_id", applicationId);
                c.put("guild_id", p.get(3));
                c.put("version", snowflake());
                registered.add(c);
            }
            respond(exchange, 200, registered);
        } else if (method.equals("POST") && p.size() == 4 && p.get(0).equals("interactions") && p.get(3).equals("callback")) {
            respond(exchange, 204, null);
        } else if (p.size() >= 3 && p.get(0).equals("webhooks")) {
            if (method.equals("DELETE")) {
                respond(exchange, 204, null);
            } else {
                respond(exchange, 200, message(textChannelId, JSON.readTree(body.isEmpty() ? "{}" : body)));
            }
        } else if (method.equals("POST") && p.size() == 3 && p.get(0).equals("channels") && p.get(2).equals("messages")) {
            if (channelMessagesRefused) {
                respond(exchange, 403, obj("message", "Missing Permissions", "code", 50013));
            } else {
                respond(exchange, 200, message(p.get(1), JSON.readTree(body)));
            }
        } else {
            respond(exchange, 404, obj("message", "404: Not Found", "code", 0));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    // ---- gateway ---------------------------------------------------------------------------------------------

    private void dispatch(String type, Object data) {
        WebSocket ws = session;
        if (ws == null || !ws.isOpen()) {
            throw new IllegalStateException("no bot is connected to the fake gateway");
        }
        send(ws, obj("op", 0, "s", sequence.incrementAndGet(), "t", type, "d", data));
    }

    private static void send(WebSocket ws, Object payload) {
        try {
            ws.send(JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the bot's gateway connection with a Discord close code, e.g. 4004 (authentication failed). */
    public void disconnect(int closeCode, String reason) {
        WebSocket ws = session;
        if (ws != null) {
            ws.close(closeCode, reason);
        }
    }

    /** Waits until a bot has identified and been sent its guild. */
    public void awaitConnected() {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (session == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no bot connected to the fake gateway; calls: " + calls);
            }
            pause();
        }
    }

    private final class Gateway extends WebSocketServer {
        final int port;
        final CountDownLatch started = new CountDownLatch(1);

        Gateway(ServerSocketChannel channel) {
            super(channel);
            this.port = channel.socket().getLocalPort();
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            send(conn, obj("op", 10, "s", null, "t", null, "d", obj("heartbeat_interval", 41250)));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode payload;
            try {
                payload = JSON.readTree(message);
            } catch (JsonProcessingException e) {
                conn.close(4002, "Decode error");
                return;
            }
            switch (payload.path("op").asInt(-1)) {
                case 1 -> send(conn, obj("op", 11, "s", null, "t", null, "d", null));
                case 2 -> identify(conn, payload.path("d"));
                case 6 -> send(conn, obj("op", 9, "s", null, "t", null, "d", false)); // no resuming: identify again
                default -> { // presence and voice state updates: nothing to do
                }
            }
        }

        private void identify(WebSocket conn, JsonNode identify) {
            if (!validTokens.contains(identify.path("token").asText())) {
                conn.close(4004, "Authentication failed.");
                return;
            }
            Map<String, Object> copy = JSON.convertValue(identify, LinkedHashMap.class);
            copy.put("token", "<redacted>");
            identifies.add(JSON.valueToTree(copy));
            sequence.set(0);
            send(conn, obj("op", 0, "s", sequence.incrementAndGet(), "t", "READY", "d", obj(
                    "v", 10, "user", botUser(), "guilds", List.of(obj("id", guildId, "unavailable", true)),
                    "session_id", "fake-session-" + snowflake(), "resume_gateway_url", gatewayUrl(),
                    "application", obj("id", applicationId, "flags", 0), "private_channels", List.of(),
                    "presences", List.of(), "relationships", List.of(), "guild_join_requests", List.of(),
                    "user_settings", obj(), "_trace", List.of("fake-discord"))));
            send(conn, obj("op", 0, "s", sequence.incrementAndGet(), "t", "GUILD_CREATE", "d", guild()));
            session = conn;
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (conn == session) {
                session = null;
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // JDA closing its socket at shutdown lands here; nothing to report
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Now, as Discord's snowflakes encode it, plus a counter in the low bits so ids never repeat. */
    public String snowflake() {
        long counter = snowflakes.incrementAndGet() & 0x3F_FFFF;
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | counter);
    }

    /** A JSON object in insertion order that, unlike Map.of, takes null values. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
