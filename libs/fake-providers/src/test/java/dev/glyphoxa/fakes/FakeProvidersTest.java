package dev.glyphoxa.fakes;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fakes answer in their providers' shapes and hold their answers back by the configured delay. The delay checks
 * are lower bounds only (a sleep never ends early), so they cannot fail on a slow machine.
 */
class FakeProvidersTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theChatServerStreamsWhenAskedAndAnswersWholeOtherwise() throws Exception {
        try (FakeChatServer server = new FakeChatServer().chunks("Aye.", " Go.")) {
            HttpResponse<InputStream> streamed = chat(server, true);
            assertThat(streamed.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            List<String> data = new BufferedReader(new InputStreamReader(streamed.body(), StandardCharsets.UTF_8)).lines()
                    .filter(l -> l.startsWith("data: ")).toList();
            assertThat(data.getLast()).isEqualTo("data: [DONE]");
            assertThat(String.join("", data)).contains("\"content\":\"Aye.\"", "\"content\":\" Go.\"");

            HttpResponse<InputStream> whole = chat(server, false);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(new String(whole.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"object\":\"chat.completion\"", "\"content\":\"Aye. Go.\"");
        }
    }

    @Test
    void theFirstTokenComesNoSoonerThanTheDelay() throws Exception {
        try (FakeChatServer server = new FakeChatServer().chunks("Aye.").firstTokenDelayMs(200)) {
            long start = System.nanoTime();
            BufferedReader lines = new BufferedReader(new InputStreamReader(chat(server, true).body(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("\"content\"")) {
                // the role-only chunk comes first, at once
            }
            assertThat(line).contains("Aye.");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void theTranscriptComesNoSoonerThanTheDelay() throws Exception {
        try (FakeTranscriptionServer server = new FakeTranscriptionServer("k").transcript("Hello Elara.").transcriptDelayMs(150)) {
            String boundary = "b0undary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                    + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(wav(new short[1600]));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/audio/transcriptions"))
                    .header("Authorization", "Bearer k").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"text\":\"Hello Elara.\"");
        }
    }

    @Test
    void theFirstAudioComesNoSoonerThanTheDelay() throws Exception {
        try (FakeElevenLabs server = new FakeElevenLabs().durationMs(100).firstAudioDelayMs(100)) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/v1/text-to-speech/voice1/stream?output_format=pcm_16000"))
                    .header("xi-api-key", FakeElevenLabs.KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Aye.\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(100);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/pcm");
            assertThat(r.body()).hasSize(16_000 / 10 * 2);
        }
    }

    private HttpResponse<InputStream> chat(FakeChatServer server, boolean stream) throws Exception {
        String body = "{\"model\":\"m\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A canonical 16 kHz mono 16-bit WAV. */
    private static byte[] wav(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000)
                .putInt(32_000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }
}
