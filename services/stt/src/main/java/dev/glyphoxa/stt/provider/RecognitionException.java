package dev.glyphoxa.stt.provider;

import dev.glyphoxa.stage.http.ProviderCall;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A cloud recogniser could not deliver the text of an utterance: the stage then falls back to the offline recogniser
 * for that utterance. The message is one line for the log and never contains the API key.
 */
public final class RecognitionException extends RuntimeException {

    /** Why the provider failed; the label is the {@code reason} tag of the failure metric, so keep it short and fixed. */
    public enum Reason {
        /** The provider answered with an error: HTTP 4xx/5xx, a websocket close code, an error message. */
        ERROR("error"),
        /** No answer, or no final result, within the configured time. */
        TIMEOUT("timeout"),
        /** An answer that is not the provider's wire format. */
        GARBAGE("garbage"),
        /** Connection refused, reset or closed before the result arrived. */
        DISCONNECTED("disconnected");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int EXCERPT = 160;

    private final Reason reason;

    public RecognitionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RecognitionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Classifies what the JDK websocket client or a {@link ProviderCall} failed with; {@code where} names the endpoint
     * (no query).
     */
    public static RecognitionException from(String where, Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case RecognitionException re -> re;
            case WebSocketHandshakeException h -> new RecognitionException(Reason.ERROR,
                    where + " refused the connection: HTTP " + h.getResponse().statusCode(), e);
            case HttpConnectTimeoutException t -> new RecognitionException(Reason.TIMEOUT, "could not connect to " + where + " in time", e);
            case HttpTimeoutException t -> new RecognitionException(Reason.TIMEOUT, where + " did not answer in time", e);
            case ProviderCall.ConnectFailed c when c.timedOut() -> new RecognitionException(Reason.TIMEOUT,
                    "could not connect to " + where + " in time", e);
            case ProviderCall.ConnectFailed c -> new RecognitionException(Reason.DISCONNECTED, "cannot connect to " + where
                    + detail(c.getCause()), e);
            case SocketTimeoutException t -> new RecognitionException(Reason.TIMEOUT, where + " did not answer in time", e);
            case ConnectException c -> new RecognitionException(Reason.DISCONNECTED, "cannot connect to " + where
                    + detail(c), e);
            case IOException io -> new RecognitionException(Reason.DISCONNECTED, "connection to " + where + " failed: " + io, e);
            default -> new RecognitionException(Reason.ERROR, "request to " + where + " failed: " + e, e);
        };
    }

    /** ": why" a connect failed, or "" when the exception does not say. */
    private static String detail(Throwable cause) {
        // An UnknownHostException's message is just the host, which the endpoint already names.
        String why = cause instanceof UnknownHostException ? "unknown host" : cause == null ? null : cause.getMessage();
        return why == null || why.isBlank() ? "" : ": " + why;
    }

    /** A short single-line excerpt of what a provider sent, for messages about it. */
    public static String excerpt(String s) {
        String oneLine = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }
}
