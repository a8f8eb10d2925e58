package dev.glyphoxa.tts.provider;

import java.util.Locale;

/**
 * A remote engine could not speak a line, with a bounded-cardinality reason for metrics. The message is one line
 * for the log: it names the endpoint and what went wrong, and never contains credentials.
 */
public class RemoteSynthesisException extends SynthesisException {

    /** Why a remote engine failed; {@link #label()} is the metric tag. */
    public enum Reason {
        /** HTTP 401/403: missing, wrong or revoked API key (ElevenLabs also uses 401 for exhausted quota). */
        UNAUTHORIZED,
        /** HTTP 429: too many requests or concurrent requests. */
        RATE_LIMITED,
        /** Any other 4xx: the request was rejected (unknown voice id, text too long, bad settings). */
        CLIENT_ERROR,
        /** 5xx or another unexpected status. */
        SERVER_ERROR,
        /** Nothing arrived in time: no response, no first audio, or the stream stalled. */
        TIMEOUT,
        /** The connection broke while the audio was streaming. */
        STREAM_CUT,
        /** The response was not raw PCM (an HTML error page, JSON, another audio format). */
        BAD_CONTENT_TYPE,
        /** No connection at all: refused, DNS, TLS. */
        UNREACHABLE,
        /** A successful response with no audio in it. */
        EMPTY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public RemoteSynthesisException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RemoteSynthesisException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
