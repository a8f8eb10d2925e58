package dev.glyphoxa.e2e;

import dev.glyphoxa.cli.ServiceClient;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unreadable player file is refused with one clear message, and nothing is sent into the pipeline. */
class LocalChannelBadInputTest {

    @Test
    void unreadableOrMissingWavIsRefusedWithAClearMessage() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path notWav = Files.writeString(f.workDir.resolve("notes.wav"), "these are my notes, not audio");
        assertThatThrownBy(() -> f.player.bridge().postJson("local/sessions/s-bad/say", Map.of("speaker", "aria", "wav", notWav.toString())))
                .isInstanceOfSatisfying(ServiceClient.ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("notes.wav").contains("not a PCM WAV");
                });
        assertThatThrownBy(() -> f.player.bridge().postJson("local/sessions/s-bad/say",
                Map.of("speaker", "aria", "wav", f.workDir.resolve("nope.wav").toString())))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> f.player.bridge().postJson("local/sessions/s-bad/say", Map.of("wav", notWav.toString())))
                .hasMessageContaining("speaker and wav are required");
        assertThat(f.player.bridge().get("local/sessions/s-bad/replies")).isEmpty();
    }
}
