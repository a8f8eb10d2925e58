package dev.glyphoxa.tts.provider.elevenlabs;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.stage.http.ProviderCall;
import dev.glyphoxa.tts.provider.RemoteSynthesisException;
import dev.glyphoxa.tts.provider.RemoteSynthesisException.Reason;
import dev.glyphoxa.tts.provider.SpeechText;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * ElevenLabs streaming text-to-speech: {@code POST {base}/v1/text-to-speech/{voice_id}/stream?output_format=pcm_*}
 * with the key in {@code xi-api-key}; the answer is raw 16-bit little-endian mono PCM sent with chunked transfer
 * encoding as it is generated, and each chunk is handed on as it is read. The request runs on the caller's thread
 * ({@link ProviderCall}, blocking I/O), which waits for the audio anyway. Voices are ElevenLabs voice ids
 * ({@code elevenlabs:JBFqnCBsd6RMkjVDRZzb}). Every failure is a {@link RemoteSynthesisException} with its reason;
 * no message ever contains the key. Plain Java, thread-safe.
 */
public final class ElevenLabsSynthesizer implements Synthesizer {

    public static final String NAME = "elevenlabs";
    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final int MAX_ERROR_BYTES = 4096;
    private static final int READ_BYTES = 8192;

    private final ElevenLabsConfig config;

    public ElevenLabsSynthesizer(ElevenLabsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean local() {
        return false;
    }

    public ElevenLabsConfig config() {
        return config;
    }

    @Override
    public Wav.Clip synthesize(String text, String voice) {
        short[][] all = {new short[0]};
        synthesizeStreaming(text, voice, piece -> all[0] = Pcm.concat(all[0], piece.samples()));
        return new Wav.Clip(all[0], config.sampleRate());
    }

    @Override
    public void synthesizeStreaming(String text, String voice, Consumer<Wav.Clip> audio) {
        if (voice == null || !VOICE_ID.matcher(voice).matches()) {
            // checked before it goes into the URL path: only ids as GET /v1/voices lists them
            throw new UnknownVoiceException("'" + voice + "' is not an ElevenLabs voice id (letters and digits)");
        }
        String clean = SpeechText.clean(text);
        if (!SpeechText.isSpeakable(clean)) {
            return;
        }
        String what = "ElevenLabs voice " + voice;
        long deadline = System.nanoTime() + config.lineTimeout().toNanos();
        // close() drops the connection unless the body was read to its end: a cut turn (the consumer throws) or a
        // failure mid-stream stops a server still sending, a complete answer leaves the connection for reuse
        try (ProviderCall call = send(config.streamUri(voice), config.requestBody(clean), what)) {
            read(call, what, deadline, audio);
        } catch (RemoteSynthesisException e) {
            throw redacted(e);
        }
    }

    private ProviderCall send(URI uri, String body, String what) {
        Map<String, String> headers = Map.of("xi-api-key", config.apiKey(), "Content-Type", "application/json",
                "Accept", "audio/pcm");
        try {
            return ProviderCall.post(uri, headers, body.getBytes(StandardCharsets.UTF_8), config.timeout(),
                    config.timeout());
        } catch (ProviderCall.ConnectFailed e) {
            String message = e.timedOut() ? "could not connect within " + config.timeout().toMillis() + " ms"
                    : "cannot connect to " + config.baseUrl();
            throw new RemoteSynthesisException(Reason.UNREACHABLE, what + ": " + message, e);
        } catch (SocketTimeoutException e) {
            throw new RemoteSynthesisException(Reason.TIMEOUT, what + ": no response within "
                    + config.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new RemoteSynthesisException(Reason.UNREACHABLE, what + ": request to " + config.baseUrl()
                    + " failed (" + detail(e) + ")", e);
        }
    }

    private void read(ProviderCall call, String what, long deadline, Consumer<Wav.Clip> audio) {
        if (call.status() != 200) {
            throw httpError(what, call.status(), errorBody(call, what));
        }
        if (!isPcm(call.contentType())) {
            throw new RemoteSynthesisException(Reason.BAD_CONTENT_TYPE, what + " sent '" + call.contentType()
                    + "' where raw PCM (audio/pcm) was expected");
        }
        PcmAssembler pcm = new PcmAssembler();
        byte[] buf = new byte[READ_BYTES];
        long samples = 0;
        try {
            InputStream in = call.body();
            int n;
            // each read returns what has arrived (up to the buffer), so the first audio goes on before the rest
            while ((n = in.read(buf)) >= 0) {
                short[] piece = pcm.add(ByteBuffer.wrap(buf, 0, n));
                if (piece.length > 0) {
                    samples += piece.length;
                    audio.accept(new Wav.Clip(piece, config.sampleRate()));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new RemoteSynthesisException(Reason.TIMEOUT, what + ": the line took longer than "
                            + config.lineTimeout().toMillis() + " ms");
                }
            }
        } catch (IOException e) {
            throw failure(e, what, samples);
        }
        if (samples == 0) {
            throw new RemoteSynthesisException(Reason.EMPTY, what + " answered 200 with no audio");
        }
        // a trailing half sample, if any, is dropped: there is nothing to pair it with
    }

    private String errorBody(ProviderCall call, String what) {
        try {
            return call.text(MAX_ERROR_BYTES);
        } catch (IOException e) {
            throw failure(e, what, 0);
        }
    }

    private static boolean isPcm(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("audio/pcm") || type.equals("audio/l16") || type.equals("application/octet-stream");
    }

    private static RemoteSynthesisException httpError(String what, int code, String body) {
        Reason reason = code == 401 || code == 403 ? Reason.UNAUTHORIZED
                : code == 429 ? Reason.RATE_LIMITED
                : code >= 400 && code < 500 ? Reason.CLIENT_ERROR
                : Reason.SERVER_ERROR;
        return new RemoteSynthesisException(reason, what + " answered HTTP " + code + ": " + ErrorBody.describe(body));
    }

    /** A read failed once the status was in: the body stalled or the connection broke. */
    private RemoteSynthesisException failure(IOException error, String what, long samples) {
        if (error instanceof SocketTimeoutException) {
            String waitingFor = samples == 0 ? "no audio" : "the audio stream stalled";
            return new RemoteSynthesisException(Reason.TIMEOUT, what + ": " + waitingFor + " within "
                    + config.timeout().toMillis() + " ms", error);
        }
        return new RemoteSynthesisException(Reason.STREAM_CUT, what + ": connection broke after "
                + samples * 1000 / config.sampleRate() + " ms of audio (" + detail(error) + ")", error);
    }

    private static String detail(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** Defence in depth: whatever a server or proxy echoes back, the key never reaches a log line. */
    private RemoteSynthesisException redacted(RemoteSynthesisException e) {
        if (e.getMessage() == null || !e.getMessage().contains(config.apiKey())) {
            return e;
        }
        return new RemoteSynthesisException(e.reason(), e.getMessage().replace(config.apiKey(), "(api key)"));
    }

    @Override
    public void close() {
        // nothing held: each call's connection is closed or dropped when it ends, idle ones are the JDK's to expire
    }

    @Override
    public String toString() {
        return NAME + " " + config.model() + " " + config.outputFormat() + " at " + config.baseUrl();
    }
}
