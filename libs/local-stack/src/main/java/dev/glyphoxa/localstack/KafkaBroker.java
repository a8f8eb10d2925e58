package dev.glyphoxa.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka 4.4 broker in KRaft mode, run from the Maven Central jars as a child process.
 * It runs in its own JVM because the 4.4 broker and the services' 3.9 clients cannot share a classpath.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String CLASSPATH_RESOURCE = "/glyphoxa/kafka-broker.classpath";

    private final ChildProcess process;
    private final String bootstrapServers;
    private final Path dataDir;

    private KafkaBroker(ChildProcess process, String bootstrapServers, Path dataDir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Formats fresh storage under {@code workDir}, starts the broker on free ports, waits until it answers. */
    public static KafkaBroker start(Path workDir, int defaultPartitions) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("kafka"));
        Path logs = Files.createDirectories(dir.resolve("data"));
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=" + defaultPartitions,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A fresh consumer group should start at once, not after the default 3 s grace period.
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.segment.bytes=16777216",
                ""), StandardCharsets.UTF_8);

        String classpath = brokerClasspath();
        // A large young generation: the broker allocates steadily (~7 MB/s under a voice session), and with the
        // default sizing its 15-25 ms young collections came every ~5 s, stalling every Kafka hop in flight.
        List<String> base = new ArrayList<>(List.of(ChildProcess.javaCommand(), "-Xms768m", "-Xmx768m", "-Xmn384m",
                "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4jConfig(dir), "-cp", classpath));
        List<String> format = new ArrayList<>(base);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                "-c", config.toString(), "--ignore-formatted"));
        Path log = dir.resolve("broker.log");
        Process fmt = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!fmt.waitFor(60, TimeUnit.SECONDS) || fmt.exitValue() != 0) {
                throw new IOException("formatting Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
        List<String> run = new ArrayList<>(base);
        run.addAll(List.of("kafka.Kafka", config.toString()));
        ChildProcess child = new ChildProcess("kafka", run, log, Map.of());
        String bootstrap = "127.0.0.1:" + brokerPort;
        KafkaBroker broker = new KafkaBroker(child, bootstrap, dir);
        broker.awaitReady(Duration.ofSeconds(90));
        LOG.info("Kafka broker ready at {} (pid {})", bootstrap, child.pid());
        return broker;
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IOException("Kafka broker exited during start-up:\n" + process.tail(30));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new IOException("Kafka broker did not become ready within " + timeout + ": " + last + "\n" + process.tail(30));
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("broker classpath resource " + CLASSPATH_RESOURCE
                        + " missing: build libs/kafka-broker first (mvn install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path log4jConfig(Path dir) throws IOException {
        Path target = dir.resolve("log4j2.yaml");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/glyphoxa/kafka-log4j2.yaml")) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
