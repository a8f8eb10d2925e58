package dev.glyphoxa.tts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElevenLabsSettingsTest {

    private static ElevenLabsSettings settings(String key, String file) {
        return new ElevenLabsSettings(key, file, "https://api.elevenlabs.io", "eleven_flash_v2_5", "pcm_24000",
                Duration.ofSeconds(10), 0.5, 0.75, 1.0);
    }

    @Test
    void keyFromSettingWinsOverFileAndNeitherMeansNoProvider(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "  sk_file\n");
        assertThat(settings(" sk_env ", file.toString()).resolveApiKey()).contains("sk_env");
        assertThat(settings("", file.toString()).resolveApiKey()).contains("sk_file");
        assertThat(settings(null, null).resolveApiKey()).isEmpty();
        assertThat(settings("", "").resolveApiKey()).isEmpty();
    }

    @Test
    void aBrokenSecretMountStopsStartupWithoutShowingAnything(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> settings(null, missing.toString()).resolveApiKey())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> settings(null, empty.toString()).resolveApiKey()).hasMessageContaining("is empty");
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(settings("sk_secret_value", null).toString()).doesNotContain("sk_secret_value").contains("apiKey=(set)");
        assertThat(settings(null, null).config("sk_secret_value", Duration.ofSeconds(30)).toString()).doesNotContain("sk_secret_value");
    }
}
