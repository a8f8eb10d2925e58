package dev.glyphoxa.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for ElevenLabs' streaming endpoint, speaking its wire format: {@code POST
 * /v1/text-to-speech/{voice_id}/stream?output_format=pcm_<rate>} with the key in {@code xi-api-key}; the answer is
 * {@code Content-Type: audio/pcm} with raw 16-bit little-endian mono PCM in chunked transfer encoding, plus the
 * {@code request-id} and {@code character-cost} headers ElevenLabs adds. A wrong key gets ElevenLabs' 401 body.
 * The audio is a 440 Hz tone at the requested rate. Other modes misbehave the ways a real endpoint or proxy does.
 *
 * <p>{@link #firstAudioDelayMs(long)} holds back the response (its headers come with the first audio, as a
 * streaming endpoint sends them once the audio starts) by a fixed time, like a real voice's time to first audio.
 */
public final class FakeElevenLabs extends HttpFake<FakeElevenLabs.Received> {

    public static final String KEY = "sk_fake0123456789abcdefTESTKEY";
    private static final int HOLD_LIMIT_SECONDS = 30; // only a safety net: the test fails if it is ever reached

    public enum Mode {
        /** The whole tone in chunks. */
        STREAM,
        /** The first {@code holdAfterMs} of the tone, then nothing until {@link #release()}, then the rest. */
        HOLD,
        /** HTTP {@code errorStatus} with an ElevenLabs JSON error body. */
        ERROR,
        /** Accepts the request and never answers. */
        HANG,
        /** 200 audio/pcm headers, then no audio until closed. */
        SILENT_HEADERS,
        /** {@code holdAfterMs} of the tone, then the connection drops without the terminating chunk. */
        CUT,
        /** 200 with an HTML page (a captive portal or proxy error page). */
        HTML
    }

    /** One request as the server received it. */
    public record Received(String method, String path, String query, String apiKey, String contentType, JsonNode body) {
    }

    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.STREAM;
    private volatile int durationMs = 1000;
    private volatile int holdAfterMs = 200;
    private volatile int chunkBytes = 4801; // odd on purpose: samples straddle chunk boundaries
    private volatile int errorStatus = 500;
    private volatile long firstAudioDelayMs;
    private volatile boolean heldTooLong;

    public FakeElevenLabs() throws IOException {
        serve("/v1/text-to-speech/", this::handle);
    }

    public String baseUrl() {
        return root();
    }

    public FakeElevenLabs mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public FakeElevenLabs durationMs(int ms) {
        this.durationMs = ms;
        return this;
    }

    public FakeElevenLabs holdAfterMs(int ms) {
        this.holdAfterMs = ms;
        return this;
    }

    public FakeElevenLabs chunkBytes(int bytes) {
        this.chunkBytes = bytes;
        return this;
    }

    /** Fixed time from the request to the first audio (default 0). */
    public FakeElevenLabs firstAudioDelayMs(long ms) {
        this.firstAudioDelayMs = ms;
        return this;
    }

    public FakeElevenLabs errorStatus(int status) {
        this.errorStatus = status;
        return this;
    }


    /** What happened on the server side, in order ("sent first part", "sent rest", ...). */
    public List<String> events() {
        return events;
    }

    /** Lets a held stream continue. */
    public void release() {
        release.countDown();
    }

    /** Whether a held stream gave up waiting for {@link #release()} (the client never released it). */
    public boolean heldTooLong() {
        return heldTooLong;
    }

    /** The tone the fake streams, at the given rate. */
    public static short[] tone(int rate, int ms) {
        short[] s = new short[rate * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return s;
    }

    /** 16-bit little-endian, as ElevenLabs' pcm_* formats send it. */
    private static byte[] littleEndian(short[] samples) {
        ByteBuffer buf = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.asShortBuffer().put(samples);
        return buf.array();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String key = exchange.getRequestHeaders().getFirst("xi-api-key");
        record(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, key,
                exchange.getRequestHeaders().getFirst("Content-Type"), new ObjectMapper().readTree(body)));
        if (!KEY.equals(key)) {
            json(exchange, 401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}");
            return;
        }
        int rate = Integer.parseInt(query.replaceAll(".*output_format=pcm_(\\d+).*", "$1"));
        byte[] pcm = littleEndian(tone(rate, durationMs));
        int split = Math.min(pcm.length, rate * holdAfterMs / 1000 * 2 + 1); // odd: the hold falls mid-sample
        switch (mode) {
            case STREAM -> {
                OutputStream out = startAudio(exchange);
                write(out, pcm, 0, pcm.length);
                exchange.close();
            }
            case HOLD -> {
                OutputStream out = startAudio(exchange);
                write(out, pcm, 0, split);
                events.add("sent first part");
                awaitRelease();
                write(out, pcm, split, pcm.length);
                events.add("sent rest");
                exchange.close();
            }
            case ERROR -> json(exchange, errorStatus, "{\"detail\":{\"status\":\"internal_server_error\","
                    + "\"message\":\"An internal server error occurred while generating audio.\"}}");
            case HANG -> awaitRelease();
            case SILENT_HEADERS -> {
                startAudio(exchange).flush(); // the headers leave now, no chunk follows
                awaitRelease();
            }
            case CUT -> {
                OutputStream out = startAudio(exchange);
                write(out, pcm, 0, split);
                // an exception out of the handler makes the server drop the connection without the final chunk
                throw new IOException("fake connection drop");
            }
            case HTML -> {
                byte[] page = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            }
        }
    }

    private OutputStream startAudio(HttpExchange exchange) throws IOException {
        Pause.ms(firstAudioDelayMs);
        exchange.getResponseHeaders().set("Content-Type", "audio/pcm");
        exchange.getResponseHeaders().set("request-id", "fakeRequest0001");
        exchange.getResponseHeaders().set("history-item-id", "fakeHistory0001");
        exchange.getResponseHeaders().set("character-cost", "42");
        exchange.sendResponseHeaders(200, 0); // length 0 = chunked transfer encoding
        return exchange.getResponseBody();
    }

    private void write(OutputStream out, byte[] pcm, int from, int to) throws IOException {
        for (int off = from; off < to; off += chunkBytes) {
            out.write(pcm, off, Math.min(chunkBytes, to - off));
            out.flush(); // one HTTP chunk each
        }
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, b.length);
        exchange.getResponseBody().write(b);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            if (!release.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                heldTooLong = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
