package dev.glyphoxa.stage.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 request to a cloud provider (STT, LLM, TTS), done with blocking I/O on the calling thread through
 * {@link HttpURLConnection}; idle connections are kept alive and reused by the JDK.
 *
 * <p>Why not {@code java.net.http.HttpClient}, which the providers used first: its response headers and body reach
 * the caller through its selector thread and an executor thread, and the stage threads wait for the answer
 * anyway. Every provider call crossed those threads twice, on the busy two-core box of the cloud-latency benchmark
 * a few ms per request (docs/benchmarks.md); here the kernel wakes the stage thread itself.
 *
 * <p>Timeouts: {@code connectTimeout} for the TCP connect, {@code readTimeout} for every blocking read (the status
 * line, and each read of the body), which is what a stalled stream needs. A whole-answer limit is the caller's,
 * checked between reads. Not thread-safe; one call per exchange.
 */
public final class ProviderCall implements AutoCloseable {

    /** Connecting failed: refused, no route, unknown host, or no connection within the connect timeout. */
    public static final class ConnectFailed extends IOException {
        private final boolean timedOut;

        ConnectFailed(String message, boolean timedOut, IOException cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        /** Whether the connect timeout ran out (else the connection was refused or the host unreachable). */
        public boolean timedOut() {
            return timedOut;
        }
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("provider-call-watchdog").daemon().unstarted(r));

    private final HttpURLConnection connection;
    private final int status;
    private EndWatch body;
    private boolean aborted;

    private ProviderCall(HttpURLConnection connection, int status) {
        this.connection = connection;
        this.status = status;
    }

    /**
     * Sends {@code body} and waits for the status line.
     *
     * @throws ConnectFailed          when no connection could be made
     * @throws SocketTimeoutException when the status line did not come within {@code readTimeout}
     * @throws IOException            when the connection broke
     */
    public static ProviderCall post(URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
                                    Duration readTimeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        // Not setFixedLengthStreamingMode: in streaming mode the JDK drops the body of a 401, and a provider's 401
        // body says which it is (bad key, quota used up). Buffering the small request body has a cost: a POST whose
        // reused idle connection turns out closed is sent once more on a new one (sun.net.http.retryPost), which the
        // provider never saw the first time.
        c.setConnectTimeout(millis(connectTimeout));
        c.setReadTimeout(millis(readTimeout));
        headers.forEach(c::setRequestProperty);
        try {
            c.connect();
        } catch (SocketTimeoutException e) {
            throw new ConnectFailed("could not connect to " + uri.getHost() + ":" + port(uri) + " within "
                    + connectTimeout.toMillis() + " ms", true, e);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new ConnectFailed("cannot connect to " + uri.getHost() + ":" + port(uri) + " (" + e.getMessage() + ")",
                    false, e);
        }
        // Sockets have no write timeout: a server that never reads the request would hold this thread for good once
        // the body outgrows the socket buffers. So sending and the status line together get readTimeout, enforced
        // by closing the connection from the watchdog's thread.
        ScheduledFuture<?> guard = WATCHDOG.schedule(c::disconnect, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            if (!guard.cancel(false)) {
                throw new SocketTimeoutException("no response from " + uri.getHost() + " within " + readTimeout.toMillis() + " ms");
            }
            return new ProviderCall(c, status);
        } catch (IOException | RuntimeException e) {
            c.disconnect();
            if (!guard.cancel(false) && !(e instanceof SocketTimeoutException)) {
                throw new SocketTimeoutException("the request to " + uri.getHost() + " was not taken, nor answered, within "
                        + readTimeout.toMillis() + " ms");
            }
            throw e;
        }
    }

    public int status() {
        return status;
    }

    /** The Content-Type header, or "" when there is none. */
    public String contentType() {
        String type = connection.getContentType();
        return type == null ? "" : type;
    }

    /**
     * The response body for a 2xx status, else the error body (empty when the server sent none). Each read blocks up
     * to the read timeout, then throws {@link SocketTimeoutException}.
     */
    public InputStream body() throws IOException {
        if (body == null) {
            InputStream in = status >= 200 && status < 300 ? connection.getInputStream() : connection.getErrorStream();
            body = new EndWatch(in == null ? InputStream.nullInputStream() : in);
        }
        return body;
    }

    /** Up to {@code maxBytes} of the body as UTF-8, e.g. an error body for a message; the rest is not read. */
    public String text(int maxBytes) throws IOException {
        InputStream in = body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.min(8192, Math.max(1, maxBytes))];
        int n;
        while (out.size() < maxBytes && (n = in.read(buf, 0, Math.min(buf.length, maxBytes - out.size()))) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Drops the connection: for a stream the caller gives up on (stalled, garbage, no longer wanted). */
    public void abort() {
        aborted = true;
        connection.disconnect();
    }

    /**
     * Ends the exchange. A body read to its end leaves the connection to be reused; one that was not (or an aborted
     * call) drops it, so a server still sending stops costing anything.
     */
    @Override
    public void close() {
        if (aborted) {
            return;
        }
        if (body != null && body.ended) {
            try {
                body.close();
                return;
            } catch (IOException e) {
                // dropped below
            }
        }
        abort();
    }

    /** Notes when the body has been read to its end, without reading ahead (that could block on a live stream). */
    private static final class EndWatch extends FilterInputStream {
        boolean ended;

        EndWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            ended |= n < 0;
            return n;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
