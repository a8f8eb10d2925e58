package dev.glyphoxa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code glyphoxa run}: the whole pipeline on the embedded stack, playing an example scene. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start Kafka, PostgreSQL and the six services locally and play a scene in the local voice channel.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--scene", defaultValue = "examples/scene.yaml", description = "scene to play (default ${DEFAULT-VALUE})")
    Path scene;

    @Option(names = "--campaign", defaultValue = "examples/campaign.yaml", description = "campaign to import (default ${DEFAULT-VALUE})")
    Path campaign;

    @Option(names = "--out", description = "output folder (default out/run-<time>)")
    Path outDir;

    @Option(names = "--kafka", description = "use this Kafka instead of the embedded broker")
    String kafka;

    @Option(names = "--jdbc-url", description = "use this PostgreSQL instead of the embedded one")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "")
    String jdbcPassword;

    @Option(names = "--reply-timeout", defaultValue = "60", description = "seconds to wait for an NPC's reply (default ${DEFAULT-VALUE})")
    int replyTimeout;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Scene loaded = Scene.load(scene);
        if (!Files.isReadable(campaign)) {
            throw new IllegalArgumentException("campaign file " + campaign + " does not exist or is not readable");
        }
        Path dir = outDir != null ? outDir : Path.of("out", "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Progress progress = new Progress(out);
        out.println("Glyphoxa local run: output in " + dir.toAbsolutePath());
        LocalPipeline.Options options = new LocalPipeline.Options(dir.toAbsolutePath(), kafka, jdbcUrl, jdbcUser, jdbcPassword, 4,
                java.util.Map.of());
        try (LocalPipeline pipeline = LocalPipeline.start(options, progress)) {
            ScenePlayer player = new ScenePlayer(pipeline, new FestivalPlayerVoice(), out, progress, Duration.ofSeconds(replyTimeout));
            String campaignId = player.importCampaign(campaign);
            String sessionId = player.startSession(campaignId);
            ScenePlayer.Result result = player.play(loaded, sessionId, dir.resolve("players"));
            player.stopSession(sessionId);
            long answered = result.exchanges().stream().filter(e -> e.reply() != null).count();
            out.println();
            out.printf("Done: %d player lines, %d NPC replies. Listen to them in %s%n", result.exchanges().size(), answered,
                    dir.resolve("replies").resolve(sessionId).toAbsolutePath());
            out.println("Service logs: " + dir.resolve("logs").toAbsolutePath());
            progress.step("shutting down");
            return 0;
        }
    }
}
