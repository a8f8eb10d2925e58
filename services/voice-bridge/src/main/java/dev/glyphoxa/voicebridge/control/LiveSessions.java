package dev.glyphoxa.voicebridge.control;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sessions are running, as the control topic tells it: the ones whose last SessionStarted has no
 * SessionStopped after it. A restarted bridge reads its partitions' history through this to rejoin the voice
 * channels it was in, so the bridge keeps no session list of its own anywhere but in Kafka. Records that do not
 * decode are skipped here: the live consumer dead-letters them when it meets them.
 */
final class LiveSessions {

    private final Map<String, ConsumerRecord<String, byte[]>> started = new LinkedHashMap<>();

    void add(ConsumerRecord<String, byte[]> record) {
        ControlEvent event;
        try {
            event = Topics.CONTROL.valueSerde().decode(record.value());
        } catch (RuntimeException e) {
            return;
        }
        if (!event.getSessionId().equals(record.key())) {
            return;
        }
        if (event.getEvent() instanceof SessionStarted) {
            started.remove(event.getSessionId());
            started.put(event.getSessionId(), record);
        } else if (event.getEvent() instanceof SessionStopped) {
            started.remove(event.getSessionId());
        }
    }

    /** The SessionStarted record of every running session, in the order they started. */
    List<ConsumerRecord<String, byte[]>> running() {
        return new ArrayList<>(started.values());
    }
}
