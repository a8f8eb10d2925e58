package dev.glyphoxa.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./glyphoxa} command. */
@Command(name = "glyphoxa", mixinStandardHelpOptions = true, version = "glyphoxa 0.1.0",
        description = "Voice AI for tabletop role-playing: run the pipeline locally, inspect its topics.",
        subcommands = {RunCommand.class, TopicsCommand.class, CommandLine.HelpCommand.class})
public final class GlyphoxaCli {

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "dev.glyphoxa");
        int code = new CommandLine(new GlyphoxaCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // One clear line for the person at the terminal; the stack trace helps nobody here.
                    cmd.getErr().println("glyphoxa: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                })
                .execute(args);
        System.exit(code);
    }
}
