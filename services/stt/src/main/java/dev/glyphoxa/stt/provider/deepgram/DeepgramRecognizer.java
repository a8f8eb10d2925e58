package dev.glyphoxa.stt.provider.deepgram;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.stt.provider.Pronunciation;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.SpeechRecognizer;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One speaker's utterances on Deepgram, one websocket each. Nothing here blocks until {@link #finishUtterance}: the
 * connection is opened at the start of the utterance and audio is queued behind it, so the first chunks do not wait
 * for the handshake, and a failing connection costs the stream thread nothing until the end, where the stage falls
 * back to the offline recogniser.
 */
final class DeepgramRecognizer implements SpeechRecognizer {

    static final String CLOSE_STREAM = "{\"type\":\"CloseStream\"}";

    private final DeepgramEngine engine;
    private List<String> names = List.of();
    private DeepgramStream stream;
    private CompletableFuture<WebSocket> connection;
    /** The connection, then each send in order: the JDK websocket allows one outstanding send at a time. */
    private CompletableFuture<WebSocket> tail;
    private int lastInterimResults;

    DeepgramRecognizer(DeepgramEngine engine) {
        this.engine = engine;
    }

    /** Pronunciations are for dictionary engines; Deepgram gets the names as written (see {@link #expectNames}). */
    @Override
    public void addWords(List<Pronunciation> words) {
    }

    @Override
    public void expectNames(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public void startUtterance() {
        cancelUtterance();
        DeepgramStream s = new DeepgramStream(engine.config().endpoint());
        CompletableFuture<WebSocket> c;
        try {
            c = engine.connect(names, s);
        } catch (RuntimeException e) { // a malformed URI or header: fails this utterance, not the record
            c = CompletableFuture.failedFuture(e);
        }
        c.whenComplete((ws, e) -> {
            if (e != null) {
                s.fail(RecognitionException.from(engine.config().endpoint(), e));
            }
        });
        stream = s;
        connection = c;
        tail = c;
    }

    @Override
    public void feed(short[] pcm16k) {
        if (stream == null) {
            throw new IllegalStateException("feed before startUtterance");
        }
        if (pcm16k.length == 0 || stream.failed()) {
            return;
        }
        ByteBuffer audio = ByteBuffer.wrap(Pcm.toBytes(pcm16k));
        DeepgramStream s = stream;
        tail = tail.thenCompose(ws -> ws.sendBinary(audio, true));
        tail.whenComplete((ws, e) -> {
            if (e != null) {
                s.sendFailed(RecognitionException.from(engine.config().endpoint(), e));
            }
        });
    }

    @Override
    public String finishUtterance() {
        if (stream == null) {
            throw new IllegalStateException("finishUtterance before startUtterance");
        }
        DeepgramStream s = stream;
        CompletableFuture<WebSocket> c = connection;
        stream = null;
        connection = null;
        lastInterimResults = 0;
        s.closeRequested();
        tail.thenCompose(ws -> ws.sendText(CLOSE_STREAM, true)).whenComplete((ws, e) -> {
            if (e != null) {
                s.sendFailed(RecognitionException.from(engine.config().endpoint(), e));
            }
        });
        tail = null;
        try {
            return s.await(engine.config().resultTimeout());
        } catch (RecognitionException e) {
            c.thenAccept(WebSocket::abort);
            throw e;
        } finally {
            lastInterimResults = s.interimResults();
        }
    }

    @Override
    public void cancelUtterance() {
        if (connection != null) {
            connection.thenAccept(WebSocket::abort);
        }
        stream = null;
        connection = null;
        tail = null;
    }

    @Override
    public String partialText() {
        DeepgramStream s = stream;
        return s == null ? "" : s.partial();
    }

    /** Interim results Deepgram sent during the last finished utterance. */
    int lastInterimResults() {
        return lastInterimResults;
    }

    @Override
    public void close() {
        cancelUtterance();
    }
}
