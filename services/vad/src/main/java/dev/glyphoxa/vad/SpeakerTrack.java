package dev.glyphoxa.vad;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.vad.state.SpeakerState;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Working copy of one speaker's VAD state while a record or a punctuation is handled: loaded from the
 * {@link SpeakerState} in the store, changed by {@link SpeechSegmenter} and the processor, and written back.
 * Mutable and short-lived; the store record is the real state.
 */
public final class SpeakerTrack {

    final String sessionId;
    final String speakerId;
    long lastSequence = -1;
    long lastCaptureMs;
    long lastPacketWallMs;
    float[] modelState;
    short[] unscored = new short[0];
    short[] recent = new short[0];
    long recentStartMs;
    int voicedRunSamples;
    long voicedRunSequence;
    boolean speaking;
    String utteranceId;
    long utteranceSamples;
    int chunkIndex;
    short[] pendingChunk = new short[0];
    long lastVoicedCaptureMs;
    long lastVoicedWallMs;
    long floorVoicedMs;
    long floorStartMs;
    long floorLastVoicedMs;
    String bargeInUtteranceId;

    public SpeakerTrack(String sessionId, String speakerId, float[] modelState) {
        this.sessionId = sessionId;
        this.speakerId = speakerId;
        this.modelState = modelState;
    }

    public String sessionId() {
        return sessionId;
    }

    public String speakerId() {
        return speakerId;
    }

    public boolean speaking() {
        return speaking;
    }

    public String utteranceId() {
        return utteranceId;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public float[] modelState() {
        return modelState;
    }

    public static SpeakerTrack from(SpeakerState s) {
        SpeakerTrack t = new SpeakerTrack(s.getSessionId(), s.getSpeakerId(), floats(s.getModelState()));
        t.lastSequence = s.getLastSequence();
        t.lastCaptureMs = s.getLastCaptureMs();
        t.lastPacketWallMs = s.getLastPacketWallMs();
        t.unscored = shorts(s.getUnscored());
        t.recent = shorts(s.getRecent());
        t.recentStartMs = s.getRecentStartMs();
        t.voicedRunSamples = s.getVoicedRunSamples();
        t.voicedRunSequence = s.getVoicedRunSequence();
        t.speaking = s.getSpeaking();
        t.utteranceId = s.getUtteranceId();
        t.utteranceSamples = s.getUtteranceSamples();
        t.chunkIndex = s.getChunkIndex();
        t.pendingChunk = shorts(s.getPendingChunk());
        t.lastVoicedCaptureMs = s.getLastVoicedCaptureMs();
        t.lastVoicedWallMs = s.getLastVoicedWallMs();
        t.floorVoicedMs = s.getFloorVoicedMs();
        t.floorStartMs = s.getFloorStartMs();
        t.floorLastVoicedMs = s.getFloorLastVoicedMs();
        t.bargeInUtteranceId = s.getBargeInUtteranceId();
        return t;
    }

    public SpeakerState toRecord() {
        return SpeakerState.newBuilder()
                .setSessionId(sessionId)
                .setSpeakerId(speakerId)
                .setLastSequence(lastSequence)
                .setLastCaptureMs(lastCaptureMs)
                .setLastPacketWallMs(lastPacketWallMs)
                .setModelState(bytes(modelState))
                .setUnscored(bytes(unscored))
                .setRecent(bytes(recent))
                .setRecentStartMs(recentStartMs)
                .setVoicedRunSamples(voicedRunSamples)
                .setVoicedRunSequence(voicedRunSequence)
                .setSpeaking(speaking)
                .setUtteranceId(utteranceId)
                .setUtteranceSamples(utteranceSamples)
                .setChunkIndex(chunkIndex)
                .setPendingChunk(bytes(pendingChunk))
                .setLastVoicedCaptureMs(lastVoicedCaptureMs)
                .setLastVoicedWallMs(lastVoicedWallMs)
                .setFloorVoicedMs(floorVoicedMs)
                .setFloorStartMs(floorStartMs)
                .setFloorLastVoicedMs(floorLastVoicedMs)
                .setBargeInUtteranceId(bargeInUtteranceId)
                .build();
    }

    private static ByteBuffer bytes(short[] samples) {
        return ByteBuffer.wrap(Pcm.toBytes(samples));
    }

    private static short[] shorts(ByteBuffer buf) {
        byte[] b = new byte[buf.remaining()];
        buf.duplicate().get(b);
        return Pcm.toShorts(b);
    }

    private static ByteBuffer bytes(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf;
    }

    private static float[] floats(ByteBuffer buf) {
        float[] out = new float[buf.remaining() / 4];
        buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
