package dev.glyphoxa.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SceneTest {

    @Test
    void exampleSceneLoads() throws Exception {
        Scene scene = Scene.load(Path.of(System.getProperty("glyphoxa.repo", "../.."), "examples", "scene.yaml"));
        assertThat(scene.lines()).isNotEmpty().allSatisfy(l -> assertThat(l.speaker()).isNotBlank());
    }

    @Test
    void wavPathsAreRelativeToTheSceneFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "lines:\n  - speaker: aria\n    wav: audio/one.wav\n");
        assertThat(Scene.load(f).lines().getFirst().wav()).isEqualTo(dir.resolve("audio/one.wav"));
    }

    @Test
    void badScenesSayWhatIsWrongAndWhere(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Scene.load(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
        Path broken = Files.writeString(dir.resolve("b.yaml"), "lines:\n  - speaker: aria\n    text: \"unclosed\n");
        assertThatThrownBy(() -> Scene.load(broken)).hasMessageContaining("line");
        Path noSpeaker = Files.writeString(dir.resolve("n.yaml"), "lines:\n  - text: hi\n");
        assertThatThrownBy(() -> Scene.load(noSpeaker)).hasMessageContaining("lines[0].speaker");
        Path both = Files.writeString(dir.resolve("t.yaml"), "lines:\n  - speaker: a\n    text: hi\n    wav: x.wav\n");
        assertThatThrownBy(() -> Scene.load(both)).hasMessageContaining("exactly one of 'text' or 'wav'");
        Path empty = Files.writeString(dir.resolve("e.yaml"), "title: nothing\n");
        assertThatThrownBy(() -> Scene.load(empty)).hasMessageContaining("non-empty 'lines'");
    }
}
