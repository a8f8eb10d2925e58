package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.RecordSerializer;
import dev.glyphoxa.contracts.Topic;
import dev.glyphoxa.contracts.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Small helpers so each stage's topology reads as: sources, processors, sinks, stores. */
public final class TopologyParts {

    public static final String DEADLETTER_SINK = "deadletter-sink";

    private TopologyParts() {
    }

    /** Source node reading raw bytes, so decoding happens inside the guarded processor. */
    public static void source(Topology topology, Topic<?> topic) {
        topology.addSource(sourceName(topic), Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
    }

    public static String sourceName(Topic<?> topic) {
        return topic.name() + "-source";
    }

    public static String sinkName(Topic<?> topic) {
        return topic.name() + "-sink";
    }

    public static void sink(Topology topology, Topic<?> topic, String... parents) {
        topology.addSink(sinkName(topic), topic.name(), Serdes.String().serializer(), new RecordSerializer(), parents);
    }

    public static void deadLetterSink(Topology topology, String... parents) {
        topology.addSink(DEADLETTER_SINK, Topics.DEADLETTER.name(), Serdes.String().serializer(), new RecordSerializer(), parents);
    }

    /** In-memory store backed by a changelog topic: survives the instance, costs no native RocksDB. */
    public static <V extends SpecificRecord> StoreBuilder<KeyValueStore<String, V>> store(String name, Class<V> type) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                dev.glyphoxa.contracts.AvroSerde.of(type)).withLoggingEnabled(java.util.Map.of());
    }
}
