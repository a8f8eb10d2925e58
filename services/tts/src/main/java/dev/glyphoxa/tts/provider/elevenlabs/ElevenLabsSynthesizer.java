package dev.glyphoxa.tts.provider.elevenlabs;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.provider.RemoteSynthesisException;
import dev.glyphoxa.tts.provider.RemoteSynthesisException.Reason;
import dev.glyphoxa.tts.provider.SpeechText;
import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.Synthesizer;
import dev.glyphoxa.tts.provider.UnknownVoiceException;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * ElevenLabs streaming text-to-speech: {@code POST {base}/v1/text-to-speech/{voice_id}/stream?output_format=pcm_*}
 * with the key in {@code xi-api-key}; the answer is raw 16-bit little-endian mono PCM sent with chunked transfer
 * encoding as it is generated, and each chunk is handed on at once. Voices are ElevenLabs voice ids
 * ({@code elevenlabs:JBFqnCBsd6RMkjVDRZzb}). Every failure is a {@link RemoteSynthesisException} with its reason;
 * no message ever contains the key. Plain Java, thread-safe.
 */
public final class ElevenLabsSynthesizer implements Synthesizer {

    public static final String NAME = "elevenlabs";
    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final int MAX_ERROR_BYTES = 4096;

    private final ElevenLabsConfig config;
    private final HttpClient client;

    public ElevenLabsSynthesizer(ElevenLabsConfig config) {
        this.config = config;
        // HTTP/1.1: chunked transfer is what ElevenLabs documents for streaming, and plain-http test fakes cannot do h2c
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).build();
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
        URI uri = config.streamUri(voice);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("xi-api-key", config.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "audio/pcm")
                .POST(HttpRequest.BodyPublishers.ofString(config.requestBody(clean)))
                .build();
        try (ResponseStream response = ResponseStream.send(client, request)) {
            read(response, "ElevenLabs voice " + voice, audio);
        } catch (RemoteSynthesisException e) {
            throw redacted(e);
        }
    }

    private void read(ResponseStream response, String what, Consumer<Wav.Clip> audio) {
        long deadline = System.nanoTime() + config.lineTimeout().toNanos();
        PcmAssembler pcm = new PcmAssembler();
        ResponseStream.Status status = null;
        ByteArrayOutputStream errorBody = null;
        long samples = 0;
        while (true) {
            String waitingFor = status == null ? "no response" : samples == 0 ? "no audio" : "the audio stream stalled";
            switch (next(response, deadline, what, waitingFor)) {
                case ResponseStream.Status s -> {
                    status = s;
                    if (s.code() != 200) {
                        errorBody = new ByteArrayOutputStream();
                    } else if (!isPcm(s.contentType())) {
                        throw new RemoteSynthesisException(Reason.BAD_CONTENT_TYPE, what + " sent '" + s.contentType()
                                + "' where raw PCM (audio/pcm) was expected");
                    }
                }
                case ResponseStream.Bytes b -> {
                    if (errorBody != null) {
                        errorBody.write(b.bytes().array(), 0, Math.min(b.bytes().remaining(), MAX_ERROR_BYTES - errorBody.size()));
                    } else {
                        short[] piece = pcm.add(b.bytes());
                        if (piece.length > 0) {
                            samples += piece.length;
                            audio.accept(new Wav.Clip(piece, config.sampleRate()));
                        }
                    }
                }
                case ResponseStream.End ignored -> {
                    if (errorBody != null) {
                        throw httpError(what, status.code(), errorBody.toString(StandardCharsets.UTF_8));
                    }
                    if (samples == 0) {
                        throw new RemoteSynthesisException(Reason.EMPTY, what + " answered 200 with no audio");
                    }
                    return; // a trailing half sample, if any, is dropped: there is nothing to pair it with
                }
                case ResponseStream.Failed f -> throw failure(f.error(), what, status != null, samples);
            }
        }
    }

    private ResponseStream.Event next(ResponseStream response, long deadline, String what, String waitingFor) {
        long left = deadline - System.nanoTime();
        Duration wait = Duration.ofNanos(Math.min(Math.max(0, left), config.timeout().toNanos()));
        ResponseStream.Event e;
        try {
            e = response.next(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SynthesisException("interrupted while waiting for " + what, ie);
        }
        if (e == null) {
            String limit = wait.compareTo(config.timeout()) < 0
                    ? "the line took longer than " + config.lineTimeout().toMillis() + " ms"
                    : waitingFor + " within " + config.timeout().toMillis() + " ms";
            throw new RemoteSynthesisException(Reason.TIMEOUT, what + ": " + limit);
        }
        return e;
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

    private RemoteSynthesisException failure(Throwable error, String what, boolean answered, long samples) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof HttpConnectTimeoutException) {
            return new RemoteSynthesisException(Reason.UNREACHABLE, what + ": could not connect within "
                    + config.timeout().toMillis() + " ms", error);
        }
        if (error instanceof HttpTimeoutException) {
            return new RemoteSynthesisException(Reason.TIMEOUT, what + ": no response within "
                    + config.timeout().toMillis() + " ms", error);
        }
        if (answered) {
            return new RemoteSynthesisException(Reason.STREAM_CUT, what + ": connection broke after "
                    + samples * 1000 / config.sampleRate() + " ms of audio (" + detail + ")", error);
        }
        if (error instanceof ConnectException) {
            return new RemoteSynthesisException(Reason.UNREACHABLE, what + ": cannot connect to " + config.baseUrl(), error);
        }
        return new RemoteSynthesisException(Reason.UNREACHABLE, what + ": request to " + config.baseUrl() + " failed ("
                + detail + ")", error);
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
        client.shutdownNow(); // close() would wait for a stream still running on a hung server
    }

    @Override
    public String toString() {
        return NAME + " " + config.model() + " " + config.outputFormat() + " at " + config.baseUrl();
    }
}
