package dev.glyphoxa.vad;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.VoicePacket;
import dev.glyphoxa.stage.GuardedProcessor;
import dev.glyphoxa.stage.StageFailures;
import dev.glyphoxa.stage.TopologyParts;
import dev.glyphoxa.vad.provider.VoiceActivityModel;
import dev.glyphoxa.vad.state.SpeakerState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Voice packets in, utterance events and barge-ins out: decodes each packet, scores it with the VAD model in whole
 * model windows, lets {@link SpeechSegmenter} cut utterances and {@link FloorClaim} tell when a speaker has spoken
 * long enough to barge in (to {@code glyphoxa.barge-in}). A wall-clock punctuator ends utterances of speakers
 * who stopped sending and forgets speakers idle for long. All per-speaker state is in the {@value #STORE} store;
 * only the Opus decoders and resamplers are held on the heap.
 */
final class VadProcessor extends GuardedProcessor<VoicePacket> {

    static final String STORE = "vad-speakers";
    /**
     * A packet whose sequence is at most this far behind the last one taken is a redelivery (at-least-once
     * processing, producer retries) and is skipped; one much further behind means the sender restarted its count.
     */
    static final long REPLAY_WINDOW = 50;

    private static final Logger LOG = LoggerFactory.getLogger(VadProcessor.class);
    private static final String SINK = TopologyParts.sinkName(Topics.SPEECH);
    private static final String BARGE_IN_SINK = TopologyParts.sinkName(Topics.BARGE_IN);

    private final VadSettings settings;
    private final VoiceActivityModel model;
    private final SpeechSegmenter segmenter;
    private final FloorClaim floor;
    private final OpusDecoder decoders;
    private KeyValueStore<String, SpeakerState> store;

    VadProcessor(VadSettings settings, VoiceActivityModel model, StageFailures failures) {
        super(Topics.VOICE_IN, failures);
        this.settings = settings;
        this.model = model;
        this.segmenter = new SpeechSegmenter(settings, model.sampleRate());
        this.floor = new FloorClaim(settings);
        this.decoders = new OpusDecoder(model.sampleRate());
    }

    static String storeKey(String sessionId, String speakerId) {
        return sessionId + '\u0000' + speakerId;
    }

    @Override
    protected void onInit(ProcessorContext<String, SpecificRecord> context) {
        store = context.getStateStore(STORE);
        context.schedule(Duration.ofMillis(settings.punctuateMs()), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    protected void handle(String sessionId, VoicePacket packet, long timestamp) {
        if (packet.getSpeakerId() == null || packet.getSpeakerId().isBlank()) {
            throw new IllegalArgumentException("voice packet without speaker_id");
        }
        if (packet.getChannels() != 1 && packet.getChannels() != 2) {
            throw new IllegalArgumentException("voice packet with " + packet.getChannels() + " channels (expected 1 or 2)");
        }
        String key = storeKey(sessionId, packet.getSpeakerId());
        SpeakerState stored = store.get(key);
        SpeakerTrack track = stored == null
                ? new SpeakerTrack(sessionId, packet.getSpeakerId(), model.initialState())
                : SpeakerTrack.from(stored);
        long sequence = packet.getSequence();
        if (track.lastSequence() >= 0 && sequence <= track.lastSequence() && track.lastSequence() - sequence < REPLAY_WINDOW) {
            LOG.debug("{}: skipping redelivered packet {} of speaker {}", sessionId, sequence, packet.getSpeakerId());
            return;
        }
        short[] pcm = decoders.decode(key, bytes(packet.getOpus()));
        long now = context.currentSystemTimeMs();
        long capture = packet.getCaptureTsMs();
        if (track.lastSequence >= 0 && capture - track.lastCaptureMs > settings.preRollMs()) {
            // Discord sends nothing in silence: audio held from before such a gap is not the lead-in of what follows.
            segmenter.dropPreRoll(track);
        }

        List<SpecificRecord> events = new ArrayList<>();
        short[] audio = Pcm.concat(track.unscored, pcm);
        int window = model.windowSamples();
        int windowMs = window * 1000 / model.sampleRate();
        int off = 0;
        while (audio.length - off >= window) {
            short[] w = Arrays.copyOfRange(audio, off, off + window);
            off += window;
            // capture_ts_ms is when the packet's audio ended (a microphone sends a frame once it is recorded), so
            // this window ended as much earlier as the packet holds audio after it, on both clocks.
            long audioAfterMs = (long) (audio.length - off) * 1000 / model.sampleRate();
            long captureEnd = capture - audioAfterMs;
            float probability = model.speechProbability(w, track.modelState());
            events.addAll(segmenter.accept(track, w, probability, sequence, captureEnd, now - audioAfterMs, now));
            floor.accept(track, probability, windowMs, captureEnd, now).ifPresent(events::add);
        }
        track.unscored = Arrays.copyOfRange(audio, off, audio.length);
        track.lastSequence = sequence;
        track.lastCaptureMs = capture;
        track.lastPacketWallMs = now;
        store.put(key, track.toRecord());
        events.forEach(e -> emit(sessionId, e, e instanceof BargeIn ? BARGE_IN_SINK : SINK));
    }

    private void punctuate(long now) {
        List<KeyValue<String, SpeakerState>> due = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        // Collected first: the store is not changed while iterating it. It holds one entry per recent speaker.
        try (KeyValueIterator<String, SpeakerState> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, SpeakerState> kv = it.next();
                SpeakerState s = kv.value;
                if (segmenter.due(s.getSpeaking(), s.getLastVoicedWallMs(), now)) {
                    due.add(kv);
                } else if (!s.getSpeaking() && now - s.getLastPacketWallMs() >= settings.idleForgetMs()) {
                    idle.add(kv.key);
                }
            }
        }
        for (KeyValue<String, SpeakerState> kv : due) {
            SpeakerTrack track = SpeakerTrack.from(kv.value);
            List<SpeechEvent> events = segmenter.expire(track, now);
            store.put(kv.key, track.toRecord());
            // The speaker stopped sending; the next talk spurt starts on a fresh decoder.
            decoders.evict(kv.key);
            events.forEach(e -> emit(track.sessionId(), e, SINK));
        }
        for (String key : idle) {
            store.delete(key);
            decoders.evict(key);
        }
    }

    @Override
    public void close() {
        decoders.close();
    }

    private static byte[] bytes(ByteBuffer buf) {
        byte[] out = new byte[buf.remaining()];
        buf.duplicate().get(out);
        return out;
    }
}
