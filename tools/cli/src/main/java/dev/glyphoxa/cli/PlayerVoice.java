package dev.glyphoxa.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Speaks a scripted player's line to a WAV file: a stand-in player for the local voice channel. */
public interface PlayerVoice {

    Path speak(String text, Path wav) throws IOException;
}
