package dev.glyphoxa.cli;

import dev.glyphoxa.localstack.Database;
import dev.glyphoxa.localstack.KafkaBroker;
import dev.glyphoxa.localstack.ServiceProcess;
import dev.glyphoxa.localstack.TopicProvisioner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole Glyphoxa pipeline on one machine: a real Kafka broker and PostgreSQL (embedded unless external
 * ones are given) and the six services, each in its own JVM as each would run in its own pod.
 */
public final class LocalPipeline implements AutoCloseable {

    /** A service: its name (also its log file) and main class. */
    public record Service(String name, String mainClass, String heap) {
    }

    public static final Service GATEWAY = new Service("gateway", "dev.glyphoxa.gateway.Application", "384m");
    public static final Service VAD = new Service("vad", "dev.glyphoxa.vad.Application", "384m");
    public static final Service STT = new Service("stt", "dev.glyphoxa.stt.Application", "384m");
    public static final Service LLM = new Service("llm", "dev.glyphoxa.llm.Application", "256m");
    public static final Service TTS = new Service("tts", "dev.glyphoxa.tts.Application", "256m");
    public static final Service VOICE_BRIDGE = new Service("voice-bridge", "dev.glyphoxa.voicebridge.Application", "256m");
    public static final List<Service> ALL = List.of(GATEWAY, VAD, STT, LLM, TTS, VOICE_BRIDGE);

    /**
     * @param workDir        logs, broker and database files, reply WAVs
     * @param kafka          external bootstrap servers, or null for the embedded broker
     * @param jdbcUrl        external PostgreSQL, or null for the embedded one
     * @param partitions     partitions per topic
     * @param extraProperties passed to every service (e.g. glyphoxa.llm.* for a real language model)
     */
    public record Options(Path workDir, String kafka, String jdbcUrl, String jdbcUser, String jdbcPassword,
                         int partitions, Map<String, String> extraProperties) {
        public static Options embedded(Path workDir) {
            return new Options(workDir, null, null, null, null, 4, Map.of());
        }

        public Options withProperties(Map<String, String> props) {
            Map<String, String> all = new LinkedHashMap<>(extraProperties);
            all.putAll(props);
            return new Options(workDir, kafka, jdbcUrl, jdbcUser, jdbcPassword, partitions, all);
        }
    }

    private final Options options;
    private final KafkaBroker broker;
    private final Database database;
    private final String bootstrap;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> extras = new ArrayList<>();
    /** The gateway's API key for tenant {@code local}, new each run; handed over in the environment, not on the command line. */
    private final String localTenantKey = newKey();

    private LocalPipeline(Options options, KafkaBroker broker, Database database, String bootstrap) {
        this.options = options;
        this.broker = broker;
        this.database = database;
        this.bootstrap = bootstrap;
    }

    public static LocalPipeline start(Options options, Progress progress) throws IOException {
        Path work = Files.createDirectories(options.workDir());
        KafkaBroker broker = null;
        String bootstrap = options.kafka();
        if (bootstrap == null) {
            progress.step("starting Kafka broker (KRaft, embedded, free port)");
            broker = KafkaBroker.start(work, options.partitions());
            bootstrap = broker.bootstrapServers();
        }
        progress.step("Kafka at " + bootstrap + "; creating topics");
        try {
            TopicProvisioner.ensureTopics(bootstrap, options.partitions());
        } catch (Exception e) {
            throw new IOException("cannot create topics on " + bootstrap + ": " + e.getMessage(), e);
        }
        Database db;
        if (options.jdbcUrl() == null) {
            progress.step("starting PostgreSQL (embedded, free port)");
            db = Database.embedded(work, "glyphoxa");
        } else {
            db = Database.external(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        }
        progress.step("PostgreSQL at " + db.jdbcUrl());
        LocalPipeline pipeline = new LocalPipeline(options, broker, db, bootstrap);
        try {
            pipeline.startServices(progress);
        } catch (IOException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private void startServices(Progress progress) throws IOException {
        progress.step("starting services: " + String.join(", ", ALL.stream().map(Service::name).toList()));
        for (Service s : ALL) {
            services.put(s.name(), launch(s, s.name()));
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        int[] count = {0};
        for (ServiceProcess p : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    p.awaitReady(Duration.ofSeconds(180));
                    synchronized (count) {
                        count[0]++;
                        progress.step(String.format("  %-12s ready (%d/%d)  log: %s", p.name(), count[0], services.size(), p.log()));
                    }
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Starts one more instance of a stage (same consumer group), e.g. to take over from a killed one. */
    public ServiceProcess launchInstance(Service service, String instanceName) throws IOException {
        ServiceProcess p = launch(service, instanceName);
        extras.add(p);
        return p;
    }

    private ServiceProcess launch(Service s, String instanceName) throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("glyphoxa.kafka.bootstrap-servers", bootstrap);
        props.put("kafka.bootstrap.servers", bootstrap);
        props.put("glyphoxa.kafka.session-timeout-ms", "6000");
        props.put("glyphoxa.kafka.state-dir", options.workDir().resolve("state").resolve(instanceName).toString());
        props.put("glyphoxa.kafka.streams.client.id", instanceName);
        props.put("datasources.default.url", database.jdbcUrl());
        props.put("datasources.default.username", database.user());
        props.put("datasources.default.password", database.password() == null ? "" : database.password());
        props.put("glyphoxa.voice-bridge.reply-dir", options.workDir().resolve("replies").toString());
        props.putAll(options.extraProperties());
        Map<String, String> env = s == GATEWAY ? Map.of("GLYPHOXA_LOCAL_TENANT_KEY", localTenantKey) : Map.of();
        return ServiceProcess.start(instanceName, s.mainClass(), options.workDir().resolve("logs"), props, env, s.heap());
    }

    public String localTenantKey() {
        return localTenantKey;
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return "gxk_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public ServiceProcess service(Service s) {
        return services.get(s.name());
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public Database database() {
        return database;
    }

    public Path workDir() {
        return options.workDir();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess p : extras) {
            stops.add(CompletableFuture.runAsync(p::close));
        }
        for (ServiceProcess p : services.values()) {
            stops.add(CompletableFuture.runAsync(p::close));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        try {
            database.close();
        } catch (IOException ignored) {
            // shutting down anyway
        }
        if (broker != null) {
            broker.close();
        }
    }
}
