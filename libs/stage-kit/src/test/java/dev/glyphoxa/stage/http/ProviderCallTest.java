package dev.glyphoxa.stage.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProviderCall} against a real local HTTP server. */
class ProviderCallTest {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(5);

    final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    ProviderCallTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", ex -> {
            note(ex);
            respond(ex, 200, "text/plain", "got " + requests.getLast());
        });
        server.createContext("/error", ex -> {
            note(ex);
            respond(ex, 429, "application/json", "{\"error\":\"slow down\"}");
        });
        server.createContext("/unauthorized", ex -> {
            note(ex);
            respond(ex, 401, "application/json", "{\"detail\":\"quota_exceeded\"}");
        });
        server.createContext("/silent", ex -> {
            note(ex);
            await();
            respond(ex, 200, "text/plain", "late");
        });
        server.createContext("/stream", ex -> {
            note(ex);
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("first\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                await();
            } catch (IOException e) {
                // the client dropped the connection
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void postsTheBodyWithItsHeadersAndReadsTheAnswer() throws IOException {
        try (ProviderCall call = post("/echo", "hello")) {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.contentType()).isEqualTo("text/plain");
            assertThat(new String(call.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("got POST /echo X-Test=yes hello");
        }
    }

    @Test
    void anErrorStatusHasItsBodyReadable() throws IOException {
        try (ProviderCall call = post("/error", "x")) {
            assertThat(call.status()).isEqualTo(429);
            assertThat(call.text(7)).isEqualTo("{\"error");
        }
    }

    @Test
    void a401KeepsItsBodyWhichSaysWhatIsWrong() throws IOException {
        try (ProviderCall call = post("/unauthorized", "x")) {
            assertThat(call.status()).isEqualTo(401);
            assertThat(call.text(1000)).isEqualTo("{\"detail\":\"quota_exceeded\"}");
        }
    }

    @Test
    void aConnectionReadToItsEndIsReused() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (ProviderCall call = post("/echo", "n" + i)) {
                call.body().readAllBytes();
            }
        }
        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.stream().distinct()).as("one keep-alive connection for all three").hasSize(1);
    }

    @Test
    void aRefusedConnectionIsAConnectFailureThatDidNotTimeOut() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closed + "/x");
        assertThatThrownBy(() -> ProviderCall.post(nobody, Map.of(), new byte[0], CONNECT, READ))
                .isInstanceOfSatisfying(ProviderCall.ConnectFailed.class, e -> assertThat(e.timedOut()).isFalse())
                .hasMessageContaining("cannot connect to 127.0.0.1:" + closed);
    }

    @Test
    void noStatusLineWithinTheReadTimeoutIsATimeout() {
        assertThatThrownBy(() -> ProviderCall.post(uri("/silent"), Map.of(), new byte[0], CONNECT, Duration.ofMillis(200)))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked socket write ignores interrupts
    void aServerThatNeverTakesTheRequestIsATimeout() throws IOException {
        try (ServerSocket deaf = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        accepted.add(deaf.accept()); // and never read a byte
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            byte[] large = new byte[64 << 20]; // far more than the socket buffers hold
            URI uri = URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/upload");
            assertThatThrownBy(() -> ProviderCall.post(uri, Map.of(), large, CONNECT, Duration.ofMillis(500)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("500 ms");
            for (java.net.Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(30) // a hang guard: closing must not wait for the rest of a live stream
    void closingAStreamNotReadToItsEndDropsTheConnection() throws IOException {
        ProviderCall call = post("/stream", "x");
        assertThat(call.body().read()).isEqualTo('f');
        call.close();
        try (ProviderCall next = post("/echo", "after")) {
            next.body().readAllBytes();
        }
        assertThat(clientPorts.get(1)).as("a new connection after the dropped one").isNotEqualTo(clientPorts.get(0));
    }

    private ProviderCall post(String path, String body) throws IOException {
        return ProviderCall.post(uri(path), Map.of("X-Test", "yes"), body.getBytes(StandardCharsets.UTF_8), CONNECT, READ);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void note(HttpExchange ex) throws IOException {
        clientPorts.add(ex.getRemoteAddress().getPort());
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " X-Test="
                + ex.getRequestHeaders().getFirst("X-Test") + " "
                + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private void await() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
