package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.voicebridge.BridgeSettings;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TurnEnd;
import dev.glyphoxa.voicebridge.TurnOutcome;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns the NPC packets the local channel plays into one WAV file per reply — what was heard, so a cut reply
 * is recorded up to the cut — plays them on the audio device, and keeps each reply's milestones (the end of the
 * latency the benchmark measures is when the first packet left the bridge). Metrics are {@code TurnMetrics}'s,
 * shared with Discord.
 */
@Singleton
public class ReplyRecorder implements PlaybackListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyRecorder.class);

    /**
     * A finished reply. Times are epoch ms; null where a stage did not report.
     *
     * @param cut         the reply stopped before its end (a player barged in, a newer turn, the session left)
     * @param linesPlayed lines played to their end
     */
    @Serdeable
    public record Reply(String sessionId, String turnId, String npcId, String npcName, String wav, int packets, double seconds,
                        Long speechEndMs, Long vadEndMs, Long sttFinalMs, Long llmFirstLineMs, Long ttsFirstAudioMs,
                        long firstPacketOutMs, boolean cut, int linesPlayed, Long turnEndMs, Long llmFirstTokenMs) {
    }

    private static final class Recording {
        final OpusCodec.Decoder decoder = OpusCodec.decoder(1);
        final List<short[]> pcm = new ArrayList<>();
        final NpcAudio first;
        final long firstOutMs;
        int packets;

        Recording(NpcAudio first, long firstOutMs) {
            this.first = first;
            this.firstOutMs = firstOutMs;
        }
    }

    private final Path replyDir;
    private final Map<String, Recording> open = new ConcurrentHashMap<>();
    private final Map<String, List<Reply>> replies = new ConcurrentHashMap<>();
    private final AudioDevice device;

    public ReplyRecorder(BridgeSettings settings, AudioDevice device) {
        this.replyDir = Path.of(settings.replyDir());
        this.device = device;
    }

    /** Called by the session's player on the channel's 20 ms clock for each packet it plays. */
    @Override
    public void packetOut(NpcAudio p, boolean firstOfTurn, long nowMs) {
        String key = key(p.getSessionId(), p.getTurnId());
        Recording rec = firstOfTurn ? new Recording(p, nowMs) : open.get(key);
        if (rec == null) {
            return;   // not heard from its start: nothing sensible to record
        }
        open.put(key, rec);
        short[] pcm = rec.decoder.decode(p.getOpus().array());
        rec.pcm.add(pcm);
        rec.packets++;
        device.write(pcm);
    }

    @Override
    public void turnEnded(TurnEnd end) {
        Recording rec = open.remove(key(end.sessionId(), end.turnId()));
        if (rec != null) {
            finish(rec, end);
        }
    }

    private void finish(Recording rec, TurnEnd end) {
        rec.decoder.close();
        NpcAudio first = rec.first;
        int total = rec.pcm.stream().mapToInt(a -> a.length).sum();
        short[] all = new short[total];
        int off = 0;
        for (short[] part : rec.pcm) {
            System.arraycopy(part, 0, all, off, part.length);
            off += part.length;
        }
        List<Reply> list = replies.computeIfAbsent(first.getSessionId(), k -> new CopyOnWriteArrayList<>());
        Path file = replyDir.resolve(safe(first.getSessionId()))
                .resolve(String.format("%02d-%s.wav", list.size() + 1, safe(first.getNpcName().isBlank() ? first.getNpcId() : first.getNpcName())));
        try {
            Wav.write(file, new Wav.Clip(all, OpusCodec.SAMPLE_RATE));
        } catch (IOException e) {
            LOG.error("cannot write reply {}: {}", file, e.getMessage());
        }
        TurnTimings t = end.timings();
        boolean cut = end.outcome() != TurnOutcome.PLAYED;
        Reply reply = new Reply(first.getSessionId(), first.getTurnId(), first.getNpcId(), first.getNpcName(),
                file.toAbsolutePath().toString(),
                rec.packets, total / (double) OpusCodec.SAMPLE_RATE,
                t.getSpeechEndMs(), t.getVadEndMs(), t.getSttFinalMs(), t.getLlmFirstLineMs(), t.getTtsFirstAudioMs(),
                rec.firstOutMs, cut, end.linesPlayed(), t.getTurnEndMs(), t.getLlmFirstTokenMs());
        list.add(reply);
        LOG.info("reply {} of {} ({} packets, {} s{}) -> {}", first.getTurnId(), first.getNpcId(), rec.packets,
                String.format("%.2f", reply.seconds()), cut ? ", " + end.outcome().tag() : "", file);
    }

    public List<Reply> replies(String sessionId) {
        return List.copyOf(replies.getOrDefault(sessionId, List.of()));
    }

    private static String key(String sessionId, String turnId) {
        return sessionId + "/" + turnId;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
