package dev.glyphoxa.fakes;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local stand-in for OpenAI's {@code POST /v1/audio/transcriptions}: parses the multipart form, checks the
 * bearer key and that {@code file} is a 16 kHz mono 16-bit PCM WAV, and answers {@code {"text": ...}} with a
 * scripted text (it cannot recognise speech). Errors come in OpenAI's {@code {"error": {"message": ...}}} shape.
 *
 * <p>{@link #transcriptDelayMs(long)} holds the transcript back by a fixed time after the whole upload arrived,
 * like a real provider's recognition time.
 */
public final class FakeTranscriptionServer extends HttpFake<FakeTranscriptionServer.Received> {

    public enum Mode {
        /** Behaves like OpenAI. */
        TRANSCRIBE,
        /** HTTP 500 with an OpenAI-style error body. */
        ERROR_500,
        /** Takes the request and never answers. */
        HANG,
        /** HTTP 200 with a proxy's HTML page. */
        GARBAGE,
        /** HTTP 200 JSON without a text field. */
        NO_TEXT
    }

    /** One request as received. */
    public record Received(String method, String path, String authorization, String contentType,
                           Map<String, String> fields, String filename, String fileContentType, byte[] file) {
    }

    /** The parts of a WAV header that matter, as read from the bytes. */
    public record WavHeader(int format, int channels, int sampleRate, int bitsPerSample, byte[] pcm) {
    }

    private final String key;
    private volatile Mode mode = Mode.TRANSCRIBE;
    private volatile String transcript = "Have you seen Grimjaw today?";
    private volatile long transcriptDelayMs;

    public FakeTranscriptionServer(String key) throws IOException {
        this.key = key;
        serve("/v1/audio/transcriptions", this::handle);
    }

    public String baseUrl() {
        return root() + "/v1";
    }

    public FakeTranscriptionServer mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public FakeTranscriptionServer transcript(String text) {
        this.transcript = text;
        return this;
    }

    /** Fixed time from the received upload to the transcript (default 0). */
    public FakeTranscriptionServer transcriptDelayMs(long ms) {
        this.transcriptDelayMs = ms;
        return this;
    }

    public String transcript() {
        return transcript;
    }


    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Received r = parse(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), authorization, contentType, body);
            record(r);
            if (key != null && !("Bearer " + key).equals(authorization)) {
                error(exchange, 401, "Incorrect API key provided.", "invalid_request_error");
                return;
            }
            if (r.file() == null || !r.fields().containsKey("model")) {
                error(exchange, 400, "you must provide a file and a model", "invalid_request_error");
                return;
            }
            WavHeader wav = wav(r.file());
            if (wav == null || wav.format() != 1 || wav.channels() != 1 || wav.sampleRate() != 16_000 || wav.bitsPerSample() != 16) {
                error(exchange, 400, "Invalid file format. Expected 16 kHz mono 16-bit PCM WAV.", "invalid_request_error");
                return;
            }
            switch (mode) {
                case TRANSCRIBE -> {
                    Pause.ms(transcriptDelayMs);
                    respond(exchange, 200, "application/json",
                            "{\"text\":\"" + transcript.replace("\"", "\\\"") + "\",\"usage\":{\"type\":\"duration\",\"seconds\":2}}");
                }
                case ERROR_500 -> error(exchange, 500, "The server had an error while processing your request.", "server_error");
                case HANG -> hang();
                case GARBAGE -> respond(exchange, 200, "text/html", "<html><body>502 Bad Gateway</body></html>");
                case NO_TEXT -> respond(exchange, 200, "application/json", "{\"task\":\"transcribe\"}");
            }
        } catch (IOException e) {
            // the client gave up on us (timeout test)
        }
    }

    private static void error(HttpExchange exchange, int status, String message, String type) throws IOException {
        respond(exchange, status, "application/json",
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, b.length);
        exchange.getResponseBody().write(b);
    }

    /** Splits a multipart/form-data body; ISO-8859-1 maps bytes 1:1 to chars, so the file survives as it was. */
    static Received parse(String method, String path, String authorization, String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String filename = null;
        String fileType = null;
        byte[] file = null;
        int b = contentType == null ? -1 : contentType.indexOf("boundary=");
        if (b >= 0 && contentType.startsWith("multipart/form-data")) {
            String boundary = "--" + contentType.substring(b + "boundary=".length()).replace("\"", "");
            String all = new String(body, StandardCharsets.ISO_8859_1);
            for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
                int headersEnd = part.indexOf("\r\n\r\n");
                if (part.startsWith("--") || headersEnd < 0) {
                    continue;
                }
                String headers = part.substring(0, headersEnd);
                String content = part.substring(headersEnd + 4, part.length() - 2); // minus the CRLF before the boundary
                String name = attribute(headers, "name");
                if (attribute(headers, "filename") != null) {
                    filename = attribute(headers, "filename");
                    fileType = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                            .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse(null);
                    file = content.getBytes(StandardCharsets.ISO_8859_1);
                } else if (name != null) {
                    fields.put(name, new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
            }
        }
        return new Received(method, path, authorization, contentType, fields, filename, fileType, file);
    }

    private static String attribute(String headers, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    /** Reads a canonical RIFF/WAVE header (fmt chunk, then data); null if the bytes are not one. */
    public static WavHeader wav(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 44 || !ascii(bytes, 0, "RIFF") || !ascii(bytes, 8, "WAVE")) {
            return null;
        }
        int format = -1;
        int channels = -1;
        int rate = -1;
        int bits = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int size = b.getInt(pos + 4);
            if (ascii(bytes, pos, "fmt ")) {
                format = b.getShort(pos + 8);
                channels = b.getShort(pos + 10);
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22);
            } else if (ascii(bytes, pos, "data")) {
                if (pos + 8 + size != bytes.length) {
                    return null; // the data size must match what follows
                }
                return new WavHeader(format, channels, rate, bits, Arrays.copyOfRange(bytes, pos + 8, pos + 8 + size));
            }
            pos += 8 + size + (size & 1);
        }
        return null;
    }

    private static boolean ascii(byte[] bytes, int at, String s) {
        return new String(bytes, at, s.length(), StandardCharsets.US_ASCII).equals(s);
    }

}
