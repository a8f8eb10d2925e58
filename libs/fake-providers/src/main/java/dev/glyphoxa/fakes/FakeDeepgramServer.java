package dev.glyphoxa.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Deepgram's live transcription websocket ({@code /v1/listen}) speaking its wire format:
 * checks the {@code Authorization: Token} header, takes linear16 audio as binary frames, answers with interim
 * {@code Results} (is_final false) every quarter second of audio, finalises the first half of its script as a
 * segment mid-stream, and on {@code CloseStream} sends the last segment ({@code is_final} and {@code speech_final}),
 * a {@code Metadata} summary and closes with 1000. It cannot recognise speech: it answers with a scripted text.
 *
 * <p>{@link #finalDelayMs(long)} holds the last segment back by a fixed time after CloseStream, like a real
 * provider's finalisation.
 *
 * <p>One difference: a refused handshake is answered 404 (what Java-WebSocket sends), where Deepgram answers 401.
 */
public final class FakeDeepgramServer extends WebSocketServer implements AutoCloseable {

    /** Bytes of 16 kHz linear16 audio between interim results: 0.25 s. */
    static final int INTERIM_EVERY = 8_000;

    public enum Mode {
        /** Behaves like Deepgram. */
        TRANSCRIBE,
        /**
         * Takes the audio, then answers CloseStream by closing with 1011 NET-0000, as Deepgram does when it has no
         * result in time. (At CloseStream, because a close that races the client's audio writes reaches the client
         * as a broken pipe, not as the close code: that is the DROP case.)
         */
        ERROR_CLOSE,
        /**
         * Drops the TCP connection (no close frame) at the first audio frame. Not after a message: the JDK client
         * can miss an end of stream that arrives right behind a message (see DeepgramStream).
         */
        DROP,
        /** Takes the audio and CloseStream and never answers. */
        HANG,
        /** Answers CloseStream with a proxy's HTML error page as a text frame. */
        GARBAGE
    }

    /** One connection as the server saw it. */
    public static final class Connection {
        public final String path;
        public final Map<String, List<String>> query;
        public final String authorization;
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        volatile boolean closeStream;
        int interims;
        int crossings;
        boolean firstSegmentFinal;

        Connection(String resource, String authorization) {
            int q = resource.indexOf('?');
            this.path = q < 0 ? resource : resource.substring(0, q);
            this.query = DeepgramMessages.query(q < 0 ? "" : resource.substring(q + 1));
            this.authorization = authorization;
        }

        public synchronized byte[] audio() {
            return audio.toByteArray();
        }

        public boolean closeStreamReceived() {
            return closeStream;
        }

        public synchronized int interimsSent() {
            return interims;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String key;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.TRANSCRIBE;
    private volatile long finalDelayMs;
    private volatile List<String> words = List.of("Have", "you", "seen", "Grimjaw", "today?");

    public FakeDeepgramServer(String key) throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.key = key;
        setReuseAddr(true);
        start();
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake Deepgram server did not start");
        }
    }

    public String baseUrl() {
        return "ws://127.0.0.1:" + getPort() + "/v1/listen";
    }

    public FakeDeepgramServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public FakeDeepgramServer transcript(String text) {
        this.words = List.of(text.split(" "));
        return this;
    }

    /** Fixed time from CloseStream to the final results (default 0). */
    public FakeDeepgramServer finalDelayMs(long ms) {
        this.finalDelayMs = ms;
        return this;
    }

    public String transcript() {
        return String.join(" ", words);
    }

    public List<Connection> connections() {
        return connections;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        if (!("Token " + key).equals(request.getFieldValue("Authorization"))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Invalid credentials.");
        }
        return response;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Connection c = new Connection(handshake.getResourceDescriptor(), handshake.getFieldValue("Authorization"));
        conn.setAttachment(c);
        connections.add(c);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer audio) {
        Connection c = conn.getAttachment();
        byte[] bytes = new byte[audio.remaining()];
        audio.get(bytes);
        int crossings;
        synchronized (c) {
            c.audio.writeBytes(bytes);
            crossings = c.audio.size() / INTERIM_EVERY;
        }
        if (mode == Mode.DROP) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
            // NIO closes a channel whose key was cancelled only at the selector's next select: wake it, or the
            // socket stays open while the selector sleeps and the client never notices the drop.
            onWriteDemand(conn);
            return;
        }
        while (c.crossings < crossings && conn.isOpen()) {
            c.crossings++;
            progress(conn, c);
        }
    }

    /** Another quarter second heard: an interim guess, or the first segment finalised halfway through. */
    private void progress(WebSocket conn, Connection c) {
        int half = words.size() / 2;
        if (c.crossings <= half) {
            send(conn, results(words.subList(0, c.crossings), false, false, c));
        } else if (!c.firstSegmentFinal) {
            c.firstSegmentFinal = true;
            send(conn, results(words.subList(0, half), true, false, c));
        } else {
            int n = Math.min(words.size() - half - 1, c.crossings - half - 1);
            if (n > 0) {
                send(conn, results(words.subList(half, half + n), false, false, c));
            }
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Connection c = conn.getAttachment();
        String type;
        try {
            type = json.readTree(message).path("type").asText();
        } catch (Exception e) {
            conn.close(CloseFrame.POLICY_VALIDATION, "DATA-0000");
            return;
        }
        if (!type.equals("CloseStream")) {
            return; // KeepAlive, Finalize: nothing to do for a fake
        }
        c.closeStream = true;
        switch (mode) {
            case HANG -> {
                // never answers
            }
            case GARBAGE -> conn.send("<html><body><h1>502 Bad Gateway</h1></body></html>");
            case ERROR_CLOSE -> conn.close(1011, "NET-0000"); // 1011: unexpected condition
            default -> {
                // on the server's one selector thread: a fake serving one stream at a time can afford to block it
                Pause.ms(finalDelayMs);
                int half = words.size() / 2;
                if (!c.firstSegmentFinal) {
                    c.firstSegmentFinal = true;
                    send(conn, results(words.subList(0, half), true, false, c));
                }
                send(conn, results(words.subList(half, words.size()), true, true, c));
                send(conn, DeepgramMessages.metadata(c.audio().length));
                conn.close(CloseFrame.NORMAL, "");
            }
        }
    }

    private ObjectNode results(List<String> segment, boolean isFinal, boolean speechFinal, Connection c) {
        if (!isFinal) {
            synchronized (c) {
                c.interims++;
            }
        }
        return DeepgramMessages.results(segment, isFinal, speechFinal);
    }

    private void send(WebSocket conn, ObjectNode message) {
        if (conn.isOpen()) {
            conn.send(message.toString());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // a client that aborts (timeout tests) shows up here; nothing to do
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
