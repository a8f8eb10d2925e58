package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.TurnTimings;
import dev.glyphoxa.voicebridge.BridgeSettings;
import dev.glyphoxa.voicebridge.PlaybackQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns the NPC packets the local channel plays into one WAV file per reply, and records when each reply's
 * first packet left the bridge (the end of the latency the benchmark measures).
 */
@Singleton
public class ReplyRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyRecorder.class);

    /** A finished reply. Times are epoch ms; null where a stage did not report. */
    @Serdeable
    public record Reply(String sessionId, String turnId, String npcId, String npcName, String wav, int packets, double seconds,
                        Long speechEndMs, Long vadEndMs, Long sttFinalMs, Long llmFirstLineMs, Long ttsFirstAudioMs,
                        long firstPacketOutMs) {
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
    private final Timer latency;
    private final AudioDevice device;

    public ReplyRecorder(BridgeSettings settings, MeterRegistry registry, AudioDevice device) {
        this.replyDir = Path.of(settings.replyDir());
        this.device = device;
        this.latency = Timer.builder("glyphoxa.turn.first.audio.out")
                .description("player's end of speech to the NPC's first Opus packet leaving the voice-bridge")
                .publishPercentiles(0.5, 0.95).register(registry);
    }

    /** Called on the channel's 20 ms clock for each packet it plays. */
    public void played(PlaybackQueue.Frame frame, long nowMs) {
        NpcAudio p = frame.packet();
        String key = p.getSessionId() + "/" + p.getTurnId();
        Recording rec = frame.firstOfTurn() ? new Recording(p, nowMs) : open.get(key);
        if (rec == null) {
            rec = new Recording(p, nowMs);
        }
        open.put(key, rec);
        short[] pcm = rec.decoder.decode(p.getOpus().array());
        rec.pcm.add(pcm);
        rec.packets++;
        device.write(pcm);
        if (frame.lastOfTurn()) {
            open.remove(key);
            finish(rec);
        }
    }

    private void finish(Recording rec) {
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
        TurnTimings t = first.getTimings();
        Reply reply = new Reply(first.getSessionId(), first.getTurnId(), first.getNpcId(), first.getNpcName(),
                file.toAbsolutePath().toString(),
                rec.packets, total / (double) OpusCodec.SAMPLE_RATE,
                t.getSpeechEndMs(), t.getVadEndMs(), t.getSttFinalMs(), t.getLlmFirstLineMs(), t.getTtsFirstAudioMs(),
                rec.firstOutMs);
        list.add(reply);
        if (t.getSpeechEndMs() != null) {
            latency.record(Duration.ofMillis(rec.firstOutMs - t.getSpeechEndMs()));
        }
        LOG.info("reply {} of {} ({} packets, {} s) -> {}; end of speech to first audio out: {} ms", first.getTurnId(),
                first.getNpcId(), rec.packets, String.format("%.2f", reply.seconds()), file,
                t.getSpeechEndMs() == null ? "?" : rec.firstOutMs - t.getSpeechEndMs());
    }

    public List<Reply> replies(String sessionId) {
        return List.copyOf(replies.getOrDefault(sessionId, List.of()));
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
