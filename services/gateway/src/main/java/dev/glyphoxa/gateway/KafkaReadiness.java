package dev.glyphoxa.gateway;

import dev.glyphoxa.stage.KafkaSettings;
import dev.glyphoxa.stage.ReadinessCheck;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ready when the broker answers a cluster description within a few seconds. */
@Singleton
public class KafkaReadiness implements ReadinessCheck {

    private final String bootstrapServers;
    private Admin admin;

    public KafkaReadiness(KafkaSettings kafka) {
        this.bootstrapServers = kafka.bootstrapServers();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public synchronized Status status() {
        try {
            int brokers = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return brokers > 0 ? Status.ready(brokers + " broker(s) at " + bootstrapServers)
                    : Status.notReady("no brokers at " + bootstrapServers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.notReady("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Status.notReady(bootstrapServers + " unreachable: " + (e.getCause() != null ? e.getCause() : e));
        } catch (KafkaException e) {
            return Status.notReady(bootstrapServers + ": " + e.getMessage());
        }
    }

    /** Created on first use: an unresolvable bootstrap host should make the service unready, not fail its start. */
    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "glyphoxa-gateway-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
