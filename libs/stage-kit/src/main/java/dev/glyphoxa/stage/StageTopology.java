package dev.glyphoxa.stage;

import org.apache.kafka.streams.Topology;

/** What a stage service contributes: its Kafka Streams application id and the topology it runs. */
public interface StageTopology {

    /** Used as the Kafka Streams application id, consumer group and prefix of its internal topics. */
    String applicationId();

    Topology topology();
}
