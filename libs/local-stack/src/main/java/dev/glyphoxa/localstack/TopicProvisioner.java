package dev.glyphoxa.localstack;

import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the pipeline topics from {@link Topics#ALL} (the one declaration) when missing. All share one
 * partition count so the session-keyed topics stay co-partitioned for the stages that join them.
 * In Kubernetes, Strimzi KafkaTopic resources in deploy/strimzi/ do this instead.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().map(Topic::name).filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1)
                            .configs(Map.of("retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7)))))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
