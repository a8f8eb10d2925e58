package dev.glyphoxa.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * One Glyphoxa service running in its own JVM, as it would in its own pod: started from the service's own
 * runtime classpath (recorded at build time), on a free HTTP port, and ready once {@code /readyz} says so.
 */
public final class ServiceProcess extends ChildProcess {

    static final String CLASSPATH_ENTRY = "META-INF/glyphoxa/runtime.classpath";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    private ServiceProcess(String name, List<String> command, Path log, int port, Map<String, String> env) throws IOException {
        super(name, command, log, env);
        this.port = port;
    }

    /**
     * Starts {@code mainClass} in a new JVM. {@code properties} become system properties, which Micronaut
     * reads as configuration (e.g. {@code glyphoxa.kafka.bootstrap-servers}).
     */
    public static ServiceProcess start(String name, String mainClass, Path logDir, Map<String, String> properties,
                                       Map<String, String> env, String maxHeap) throws IOException {
        int port = FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.glyphoxa",
                "-Dmicronaut.server.port=" + port));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", classpathOf(mainClass), mainClass));
        return new ServiceProcess(name, cmd, logDir.resolve(name + ".log"), port, env);
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Polls {@code /readyz} until it answers 200; fails with the log's tail if the process dies or time runs out. */
    public void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IOException(name() + " exited during start-up; last log lines:\n" + tail(40));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/readyz")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException(name() + " not ready after " + timeout + " (" + last + "); last log lines:\n" + tail(40));
    }

    /**
     * The service's own classes (directory or jar, wherever the reactor resolved it) followed by the runtime
     * classpath that module recorded at build time. Only that service's beans end up in its JVM.
     */
    static String classpathOf(String mainClass) throws IOException {
        Path location;
        try {
            Class<?> main = Class.forName(mainClass, false, ServiceProcess.class.getClassLoader());
            location = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IOException("service class " + mainClass + " is not on the launcher's classpath", e);
        }
        String recorded;
        if (Files.isDirectory(location)) {
            Path file = location.resolve(CLASSPATH_ENTRY);
            if (!Files.exists(file)) {
                throw new IOException(file + " missing: rebuild the service module (mvn install)");
            }
            recorded = Files.readString(file, StandardCharsets.UTF_8);
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                var entry = jar.getEntry(CLASSPATH_ENTRY);
                if (entry == null) {
                    throw new IOException(CLASSPATH_ENTRY + " missing in " + location);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return location + java.io.File.pathSeparator + recorded.trim();
    }
}
