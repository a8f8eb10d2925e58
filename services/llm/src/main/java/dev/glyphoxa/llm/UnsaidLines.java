package dev.glyphoxa.llm;

import dev.glyphoxa.llm.state.UnsaidLine;
import dev.glyphoxa.llm.state.UnsaidTurn;
import dev.glyphoxa.schema.NpcProfile;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store {@value LlmTopology#UNSAID_STORE}: per (session, turn), the NPC lines handed to the voice that have not
 * been played yet. Only {@link SessionMemory} uses it, to move played lines into the conversation.
 */
final class UnsaidLines {

    /** One played line taken out of the store, with what the conversation entry needs. */
    record Line(String npcId, String npcName, String text, long atMs) {
    }

    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, UnsaidTurn> store;

    UnsaidLines(KeyValueStore<String, UnsaidTurn> store) {
        this.store = store;
    }

    void hold(String sessionId, String turnId, NpcProfile npc, List<String> texts, long atMs) {
        if (texts.isEmpty()) {
            return;
        }
        List<UnsaidLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add(UnsaidLine.newBuilder().setSequence(i).setText(texts.get(i)).build());
        }
        store.put(key(sessionId, turnId), UnsaidTurn.newBuilder().setSessionId(sessionId).setTurnId(turnId)
                .setNpcId(npc.getNpcId()).setNpcName(npc.getName()).setAtMs(atMs).setLines(lines).build());
    }

    /**
     * Removes and returns the line; the turn's entry goes once its last line is played or nothing is left in it.
     * A line taken once is not there a second time, so a LinePlayed delivered twice commits once.
     */
    Optional<Line> take(String sessionId, String turnId, int sequence, boolean lastInTurn) {
        String key = key(sessionId, turnId);
        UnsaidTurn turn = store.get(key);
        if (turn == null) {
            return Optional.empty();
        }
        List<UnsaidLine> rest = new ArrayList<>(turn.getLines());
        Optional<UnsaidLine> found = rest.stream().filter(l -> l.getSequence() == sequence).findFirst();
        found.ifPresent(rest::remove);
        if (lastInTurn || rest.isEmpty()) {
            store.delete(key);
        } else if (found.isPresent()) {
            turn.setLines(rest);
            store.put(key, turn);
        }
        return found.map(l -> new Line(turn.getNpcId(), turn.getNpcName(), l.getText(), turn.getAtMs()));
    }

    /** Whether the session has an NPC turn handed to the voice since {@code sinceMs} whose lines are not all played. */
    boolean anyHeldSince(String sessionId, long sinceMs) {
        try (KeyValueIterator<String, UnsaidTurn> all = store.prefixScan(sessionId + SEPARATOR, new StringSerializer())) {
            while (all.hasNext()) {
                if (all.next().value.getAtMs() >= sinceMs) {
                    return true;
                }
            }
        }
        return false;
    }

    int drop(String sessionId, String turnId) {
        UnsaidTurn turn = store.delete(key(sessionId, turnId));
        return turn == null ? 0 : turn.getLines().size();
    }

    void forget(String sessionId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, UnsaidTurn> all = store.prefixScan(sessionId + SEPARATOR, new StringSerializer())) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
    }

    int dropOlderThan(long cutoffMs) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, UnsaidTurn> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.getAtMs() < cutoffMs) {
                    keys.add(kv.key);
                }
            });
        }
        keys.forEach(store::delete);
        return keys.size();
    }

    private static String key(String sessionId, String turnId) {
        return sessionId + SEPARATOR + turnId;
    }
}
