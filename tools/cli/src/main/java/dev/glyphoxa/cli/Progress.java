package dev.glyphoxa.cli;

import java.io.PrintStream;

/** Progress lines for long work, with elapsed time, so a person watching knows what is happening. */
public final class Progress {

    private final PrintStream out;
    private final long start = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    public synchronized void step(String message) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
        out.flush();
    }
}
