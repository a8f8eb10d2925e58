package dev.glyphoxa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one turn both modes report, in pipeline order, and the samples collected for each. Each stage span
 * ends when the stage's output record leaves it and starts when its input record left the stage before, so over
 * Kafka a stage's span includes the hop into it (produce, broker, fetch, poll) and in process it does not.
 */
final class Spans {

    static final String VAD = "vad: end of speech → SpeechEnded";
    static final String STT = "stt: SpeechEnded → Transcript";
    static final String LLM = "llm: Transcript → first NpcLine";
    static final String TTS = "tts: first NpcLine → first NpcAudio";
    static final String BRIDGE = "voice-bridge: first NpcAudio → first packet out";
    static final String TOTAL = "total: end of speech → first audio out";

    static final List<String> STAGES = List.of(VAD, STT, LLM, TTS, BRIDGE);
    static final List<String> ALL = List.of(VAD, STT, LLM, TTS, BRIDGE, TOTAL);

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    Spans() {
        ALL.forEach(s -> samples.put(s, new ArrayList<>()));
    }

    void add(String span, double ms) {
        samples.get(span).add(ms);
    }

    List<Double> get(String span) {
        return samples.get(span);
    }

    Stats stats(String span) {
        return Stats.of(samples.get(span));
    }
}
