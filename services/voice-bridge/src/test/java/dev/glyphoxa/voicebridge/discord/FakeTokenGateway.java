package dev.glyphoxa.voicebridge.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's internal token route on a free local port, speaking its JSON: {@code {"token": ...}} on 200 and
 * the gateway's error shape ({@code {"status", "error", "message"}}) otherwise, and 401 for any other key, as
 * the gateway's InternalKeyFilter does. Each tenant's answer is set by the test; {@link Answer#HANG} never answers
 * (until closed), for timeouts.
 */
final class FakeTokenGateway implements AutoCloseable {

    static final String KEY = "gxk_fake-internal-key";

    enum Kind { TOKEN, STATUS, RAW, HANG }

    record Answer(Kind kind, int status, String body) {
        static final Answer HANG = new Answer(Kind.HANG, 0, "");

        static Answer token(String token) {
            return new Answer(Kind.TOKEN, 200, "{\"token\":\"" + token + "\"}");
        }

        static Answer error(int status, String message) {
            return new Answer(Kind.STATUS, status, "{\"status\":" + status + ",\"error\":\"x\",\"message\":\"" + message
                    + "\",\"problems\":[]}");
        }

        static Answer raw(int status, String body) {
            return new Answer(Kind.RAW, status, body);
        }
    }

    private final HttpServer server;
    private final CountDownLatch closing = new CountDownLatch(1);
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** "tenant" of every request that reached the route, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeTokenGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/internal/tenants/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();   // /internal/tenants/{id}/bot-token
            String tenant = path.substring("/internal/tenants/".length(), path.length() - "/bot-token".length());
            requests.add(tenant);
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, Answer.error(401, "the internal service key is not valid"));
                return;
            }
            Answer answer = answers.getOrDefault(tenant, Answer.error(404, "no tenant '" + tenant + "'"));
            if (answer.kind() == Kind.HANG) {
                closing.await(30, TimeUnit.SECONDS);
                return;
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
