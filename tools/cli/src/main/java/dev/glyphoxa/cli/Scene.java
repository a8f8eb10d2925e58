package dev.glyphoxa.cli;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted scene for the local voice channel: who says what, in order. Each line is either text (spoken by
 * the offline TTS as a stand-in player) or a WAV file (any common rate, mono or stereo).
 */
public record Scene(String title, List<Line> lines) {

    public record Line(String speaker, String text, Path wav) {
    }

    public static Scene load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("scene file " + file + " does not exist or is not readable");
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (MarkedYAMLException e) {
            throw new IOException(file + ": not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("lines") instanceof List<?> raw) || raw.isEmpty()) {
            throw new IOException(file + ": expected a mapping with a non-empty 'lines' list");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof Map<?, ?> m) || !(m.get("speaker") instanceof String speaker) || speaker.isBlank()) {
                throw new IOException(file + ": lines[" + i + "].speaker is required");
            }
            Object text = m.get("text");
            Object wav = m.get("wav");
            if ((text == null) == (wav == null)) {
                throw new IOException(file + ": lines[" + i + "] needs exactly one of 'text' or 'wav'");
            }
            Path wavPath = wav == null ? null : file.toAbsolutePath().getParent().resolve(wav.toString()).normalize();
            lines.add(new Line(speaker, text == null ? null : text.toString(), wavPath));
        }
        Object title = map.get("title");
        return new Scene(title == null ? file.getFileName().toString() : title.toString(), List.copyOf(lines));
    }
}
