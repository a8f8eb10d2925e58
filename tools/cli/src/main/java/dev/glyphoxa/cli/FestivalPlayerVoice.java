package dev.glyphoxa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in player: Festival's {@code text2wave} speaks a scripted line to a WAV file. One process per line
 * is fine here (the scene is a handful of lines, prepared before they are streamed); the TTS stage itself keeps
 * a long-lived Festival process because it sits on the latency path.
 */
public final class FestivalPlayerVoice implements PlayerVoice {

    private static final String VOICE = "(voice_cmu_us_slt_arctic_hts)";

    @Override
    public Path speak(String text, Path wav) throws IOException {
        Files.createDirectories(wav.toAbsolutePath().getParent());
        Path script = Files.createTempFile("glyphoxa-line", ".txt");
        try {
            Files.writeString(script, text, StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder(List.of("text2wave", "-eval", VOICE, "-o", wav.toString(), script.toString()))
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("Festival's text2wave is not installed: run scripts/install-speech-deps.sh", e);
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(wav)) {
                throw new IOException("text2wave failed for \"" + text + "\": " + output.strip());
            }
            return wav;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while speaking \"" + text + "\"", e);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
