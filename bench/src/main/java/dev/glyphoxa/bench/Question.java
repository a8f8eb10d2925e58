package dev.glyphoxa.bench;

import java.nio.file.Path;

/** A player's line of the benchmark: what is said, and the WAV Festival spoke it into (the same file in both modes). */
record Question(String text, Path wav) {
}
