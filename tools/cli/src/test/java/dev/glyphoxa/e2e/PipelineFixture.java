package dev.glyphoxa.e2e;

import dev.glyphoxa.cli.FestivalPlayerVoice;
import dev.glyphoxa.cli.LocalPipeline;
import dev.glyphoxa.cli.PlayerVoice;
import dev.glyphoxa.cli.Progress;
import dev.glyphoxa.cli.ScenePlayer;
import dev.glyphoxa.localstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole pipeline — real Kafka broker, real PostgreSQL, six service JVMs — started once for the test JVM and
 * stopped by a shutdown hook (restarting it per class would cost ~30 s each). Tests isolate themselves by
 * session: each starts its own session and stops it when done.
 */
final class PipelineFixture {

    private static PipelineFixture instance;
    private static RuntimeException failure;

    final LocalPipeline pipeline;
    final ScenePlayer player;
    final PlayerVoice voice = new FestivalPlayerVoice();
    final String campaignId;
    final Path workDir;

    private PipelineFixture(LocalPipeline pipeline, Path workDir) throws IOException {
        this.pipeline = pipeline;
        this.workDir = workDir;
        this.player = new ScenePlayer(pipeline, voice, System.out, new Progress(System.out), Duration.ofSeconds(90));
        this.campaignId = player.importCampaign(repo().resolve("examples/campaign.yaml"));
    }

    static synchronized PipelineFixture get() {
        if (failure != null) {
            throw failure; // one failed start-up is enough: don't start the whole pipeline again per class
        }
        if (instance == null) {
            LocalPipeline p = null;
            try {
                Path dir = Files.createTempDirectory("glyphoxa-e2e");
                p = LocalPipeline.start(LocalPipeline.Options.embedded(dir), new Progress(System.out));
                Runtime.getRuntime().addShutdownHook(new Thread(p::close, "stop-pipeline"));
                instance = new PipelineFixture(p, dir);
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
                throw failure;
            }
        }
        return instance;
    }

    static Path repo() {
        String fromMaven = System.getProperty("glyphoxa.repo");
        Path p = fromMaven != null ? Path.of(fromMaven) : Path.of("../..");
        return p.toAbsolutePath().normalize();
    }

    Path speak(String text, String name) throws IOException {
        return voice.speak(text, workDir.resolve("players").resolve(name + ".wav"));
    }

    /**
     * A short voiced burst, e.g. a listener's "mhm": the {@code voicedMs} loudest milliseconds of the spoken
     * {@code text}, with silence around them as a microphone would send it.
     */
    Path burst(String text, String name, int voicedMs) throws IOException {
        dev.glyphoxa.audio.Wav.Clip spoken = dev.glyphoxa.audio.Wav.read(speak(text, name + "-full"));
        short[] all = spoken.samples();
        int rate = spoken.sampleRate();
        int window = rate * voicedMs / 1000;
        int step = rate / 100;
        int best = 0;
        double loudest = -1;
        for (int from = 0; from + window <= all.length; from += step) {
            double rms = dev.glyphoxa.audio.Pcm.rms(java.util.Arrays.copyOfRange(all, from, from + window));
            if (rms > loudest) {
                loudest = rms;
                best = from;
            }
        }
        short[] padded = new short[window + rate * 6 / 10];
        System.arraycopy(all, best, padded, rate * 3 / 10, Math.min(window, all.length - best));
        Path out = workDir.resolve("players").resolve(name + ".wav");
        dev.glyphoxa.audio.Wav.write(out, new dev.glyphoxa.audio.Wav.Clip(padded, rate));
        return out;
    }

    /** The last lines of every service log, to make a failing end-to-end test say where it broke. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (LocalPipeline.Service s : LocalPipeline.ALL) {
            ServiceProcess p = pipeline.service(s);
            sb.append("\n----- ").append(s.name()).append(p.alive() ? "" : " (not running)").append(" -----\n").append(p.tail(15));
        }
        return sb.toString();
    }
}
