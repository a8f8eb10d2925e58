package dev.glyphoxa.stt.provider.deepgram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glyphoxa.stt.provider.RecognitionException;
import dev.glyphoxa.stt.provider.RecognitionException.Reason;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What Deepgram sends back on one utterance's connection. Messages arrive on the HTTP client's threads; the stream
 * thread reads the partial text while audio is fed and waits for the end in {@link #await}.
 *
 * <p>{@code Results} with {@code is_final} (or {@code speech_final}) carry a segment that will not change again:
 * they are concatenated. Others are interim: the current guess for the segment in progress. After
 * {@code CloseStream} Deepgram flushes the last results, sends {@code Metadata} and closes with 1000; any other
 * close, or a close before {@code CloseStream}, means the utterance's text is incomplete. Deepgram drops the TCP
 * connection right after an error close, so one that races our audio writes may reach us as a broken pipe
 * (disconnected) rather than its code: the JDK client reports whichever transport error comes first. And a
 * connection dropped without a close frame right behind a message can go unnoticed by the JDK client (seen on
 * JDK 25: the end of stream is read while no read is requested, and lost); {@link #await}'s timeout bounds that.
 */
final class DeepgramStream implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NORMAL_CLOSURE = 1000;

    private final String endpoint;
    private final CompletableFuture<String> done = new CompletableFuture<>();
    private final StringBuilder message = new StringBuilder();
    private final List<String> finals = new ArrayList<>();
    private String interim = "";
    private int interimResults;
    private volatile boolean closeRequested;
    private volatile RecognitionException sendFailure;

    DeepgramStream(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
            String text = message.toString();
            message.setLength(0);
            try {
                handle(text);
            } catch (RecognitionException e) {
                fail(e);
                ws.abort();
                return null;
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        fail(new RecognitionException(Reason.GARBAGE, endpoint + " sent binary data; Deepgram sends only JSON text"));
        ws.abort();
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        if (code == NORMAL_CLOSURE && closeRequested) {
            synchronized (this) {
                done.complete(String.join(" ", finals));
            }
        } else if (code == NORMAL_CLOSURE || code == 1006) {
            fail(new RecognitionException(Reason.DISCONNECTED, endpoint + " closed the stream before the utterance ended"
                    + " (" + code + (reason.isEmpty() ? "" : " " + RecognitionException.excerpt(reason)) + ")"));
        } else {
            fail(new RecognitionException(Reason.ERROR, endpoint + " closed the stream with code " + code
                    + (reason.isEmpty() ? "" : " " + RecognitionException.excerpt(reason))));
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        fail(RecognitionException.from(endpoint, error));
    }

    private void handle(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw garbage("a message that is not JSON", text);
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw garbage("a message without a type", text);
        }
        switch (root.get("type").asText()) {
            case "Results" -> results(root, text);
            case "Error" -> throw new RecognitionException(Reason.ERROR, endpoint + " reported an error: "
                    + RecognitionException.excerpt(root.path("description").asText(root.path("message").asText(text))));
            default -> {
                // Metadata, SpeechStarted, UtteranceEnd and newer message types carry nothing the transcript needs.
            }
        }
    }

    private void results(JsonNode root, String text) {
        JsonNode transcript = root.path("channel").path("alternatives").path(0).get("transcript");
        if (transcript == null || !transcript.isTextual()) {
            throw garbage("Results without channel.alternatives[0].transcript", text);
        }
        String t = transcript.asText().strip();
        boolean isFinal = root.path("is_final").asBoolean(false) || root.path("speech_final").asBoolean(false);
        synchronized (this) {
            if (isFinal) {
                if (!t.isEmpty()) {
                    finals.add(t);
                }
                interim = "";
            } else {
                interim = t;
                interimResults++;
            }
        }
    }

    private RecognitionException garbage(String what, String text) {
        return new RecognitionException(Reason.GARBAGE, endpoint + " sent " + what + ": \""
                + RecognitionException.excerpt(text) + "\"");
    }

    /** Records the first failure; later ones (the close that follows an error) add nothing. */
    void fail(RecognitionException e) {
        done.completeExceptionally(e);
    }

    /**
     * A send failed. Not the verdict yet: when Deepgram closes with an error code, the sends racing the close fail
     * too, and the close (reported to the listener a moment later) says why.
     */
    void sendFailed(RecognitionException e) {
        if (sendFailure == null) {
            sendFailure = e;
        }
    }

    boolean failed() {
        return done.isCompletedExceptionally();
    }

    /** From now on a normal close ends the utterance instead of cutting it short. */
    void closeRequested() {
        closeRequested = true;
    }

    /** Final segments so far plus the current interim guess. */
    synchronized String partial() {
        if (interim.isEmpty()) {
            return String.join(" ", finals);
        }
        return finals.isEmpty() ? interim : String.join(" ", finals) + " " + interim;
    }

    /** Interim results received on this connection. */
    synchronized int interimResults() {
        return interimResults;
    }

    /** The utterance's text once Deepgram closed the stream after CloseStream. */
    String await(Duration timeout) {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (sendFailure != null) {
                throw sendFailure; // the connection broke and nothing ever said why
            }
            throw new RecognitionException(Reason.TIMEOUT, endpoint + " sent no final result within "
                    + timeout.toMillis() + " ms of the utterance's end");
        } catch (ExecutionException e) {
            throw RecognitionException.from(endpoint, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionException(Reason.DISCONNECTED, "interrupted while waiting for " + endpoint, e);
        }
    }
}
