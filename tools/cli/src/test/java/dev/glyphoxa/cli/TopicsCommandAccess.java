package dev.glyphoxa.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the real {@code glyphoxa topics ...} command line and returns what it printed. */
public final class TopicsCommandAccess {

    private TopicsCommandAccess() {
    }

    public static String dump(String kafka, String topic, String session) {
        return run("topics", "dump", topic, "--kafka", kafka, "--session", session);
    }

    public static String list(String kafka) {
        return run("topics", "list", "--kafka", kafka);
    }

    static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        StringWriter err = new StringWriter();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int code = new CommandLine(new GlyphoxaCli()).setErr(new PrintWriter(err)).execute(args);
            if (code != 0) {
                throw new AssertionError("glyphoxa " + String.join(" ", args) + " exited " + code + ": " + err);
            }
        } finally {
            System.setOut(previous);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
