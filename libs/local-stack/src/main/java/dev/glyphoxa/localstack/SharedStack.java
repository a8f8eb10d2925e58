package dev.glyphoxa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker and one database per test JVM, started on first use and stopped by a shutdown hook.
 * Stopping them between test classes while a Micronaut context still runs costs ~30 s of client retries
 * per class, so tests share them; each test isolates itself with its own session ids (and topics if needed).
 */
public final class SharedStack {

    public static final int PARTITIONS = 4;

    private static SharedStack instance;

    private final KafkaBroker broker;
    private final Database database;
    private final Path workDir;

    private SharedStack(KafkaBroker broker, Database database, Path workDir) {
        this.broker = broker;
        this.database = database;
        this.workDir = workDir;
    }

    public static synchronized SharedStack get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("glyphoxa-test-stack");
                KafkaBroker broker = KafkaBroker.start(dir, PARTITIONS);
                TopicProvisioner.ensureTopics(broker.bootstrapServers(), PARTITIONS);
                Database db = Database.embedded(dir, "glyphoxa");
                instance = new SharedStack(broker, db, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        db.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                    broker.close();
                }, "stop-shared-stack"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the shared test stack: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Database database() {
        return database;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Path workDir() {
        return workDir;
    }
}
