package dev.glyphoxa.fakes;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the HTTP fakes share: a JDK {@link HttpServer} on a free loopback port (the machine is shared), every
 * request written down for assertions, and a latch that holds a "hanging" answer until the test releases it or
 * closes the fake, so a client timeout can be tested without leaving threads behind.
 *
 * @param <R> how a fake records one request
 */
abstract class HttpFake<R> implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on: a response written in two pieces (headers, then body) waits for
        // the client's delayed ACK, up to 40 ms, which real providers' servers do not add. Read once, when the first
        // server starts; an explicit -Dsun.net.httpserver.nodelay wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    protected final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<R> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    protected HttpFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
    }

    /** Called once by the subclass's constructor (a handler cannot be passed to super() as a method of this). */
    protected final void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    protected final String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    protected final void record(R request) {
        received.add(request);
    }

    /** The requests received so far, in order. */
    public List<R> received() {
        return received;
    }

    /** Waits until released or closed. */
    protected final void hang() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
