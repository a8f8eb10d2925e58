package dev.glyphoxa.stage;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.TurnCut;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * The turns the voice-bridge has cut (a player barged in, a newer turn took over), as this instance heard of
 * them on {@code glyphoxa.playback}: a stage working on such a turn stops — the LLM its generation, TTS its
 * synthesis — instead of producing what will never be played.
 *
 * <p>This is a signal, not session state: losing it (a restart) only means the work runs to its end and the
 * bridge drops the result, as it drops everything of a cut turn. So it lives on the heap, bounded by count and
 * age, fed by a {@link BroadcastReceiver} from every partition (the instance working on a turn need not own
 * the playback partition of its session).
 */
public final class CutTurns {

    static final int MAX_REMEMBERED = 4096;
    static final Duration REMEMBER_FOR = Duration.ofMinutes(10);

    private final LongSupplier clock;
    private final Map<String, Long> cutAt = new LinkedHashMap<>();

    public CutTurns() {
        this(System::currentTimeMillis);
    }

    public CutTurns(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Starts listening on glyphoxa.playback, a minute back so a just-started instance hears recent cuts. The
     * receiver is a readiness check named {@value #LISTENER}; a service exposes it as a bean (closed with the
     * context) so {@code /readyz} reports it.
     */
    public BroadcastReceiver<Playback> listen(String bootstrapServers,
                                              BiConsumer<ConsumerRecord<String, byte[]>, RuntimeException> onBadRecord) {
        return new BroadcastReceiver<>(LISTENER, bootstrapServers, Topics.PLAYBACK, Duration.ofMinutes(1), this::heard,
                onBadRecord);
    }

    public static final String LISTENER = "cut-turns:glyphoxa.playback";

    /** Takes note of a TurnCut; other playback events are not its business. */
    public void heard(Playback event) {
        if (event.getEvent() instanceof TurnCut) {
            cut(event.getSessionId(), event.getTurnId());
        }
    }

    public synchronized void cut(String sessionId, String turnId) {
        long now = clock.getAsLong();
        cutAt.put(key(sessionId, turnId), now);
        var eldest = cutAt.entrySet().iterator();
        while (eldest.hasNext()) {
            var e = eldest.next();
            if (cutAt.size() <= MAX_REMEMBERED && now - e.getValue() < REMEMBER_FOR.toMillis()) {
                break;
            }
            eldest.remove();
        }
    }

    public synchronized boolean isCut(String sessionId, String turnId) {
        return cutAt.containsKey(key(sessionId, turnId));
    }

    private static String key(String sessionId, String turnId) {
        return sessionId + '\u0000' + turnId;
    }
}
