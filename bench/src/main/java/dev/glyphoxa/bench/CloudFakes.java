package dev.glyphoxa.bench;

import dev.glyphoxa.fakes.FakeChatServer;
import dev.glyphoxa.fakes.FakeElevenLabs;
import dev.glyphoxa.fakes.FakeTranscriptionServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three cloud providers of a turn, faked in the benchmark JVM on free loopback ports, each answering after a
 * fixed delay: OpenAI-style transcriptions (STT: the utterance goes up whole at its end, the transcript comes back
 * {@code sttDelayMs} later), an OpenAI-compatible chat stream (LLM: the first token {@code llmDelayMs} after the
 * request, the rest of the answer right behind it) and ElevenLabs streaming (TTS: the first audio
 * {@code ttsDelayMs} after the request). OpenAI-style STT rather than Deepgram because its delay is one clean
 * interval after the end of the utterance, the way the requirement states it; Deepgram's would overlap the speech.
 */
final class CloudFakes implements AutoCloseable {

    static final String STT_KEY = "sk-bench-stt";
    static final String LLM_KEY = "sk-bench-llm";
    /** Letters and digits, as ElevenLabs voice ids are. */
    static final String VOICE_ID = "benchVoice0001";
    /** Every turn is "heard" as this line: the fake cannot recognise speech, and it names an NPC, so one answers. */
    static final String HEARD = "Hello Elara, what news do you have tonight?";
    /** Two sentences, the first complete in the first delta, so the first NpcLine can follow the first token. */
    static final String[] ANSWER = {"Aye, the tide brought strange folk tonight.", " Ask me again after the bell."};

    final long sttDelayMs;
    final long llmDelayMs;
    final long ttsDelayMs;
    private final FakeTranscriptionServer stt;
    private final FakeChatServer llm;
    private final FakeElevenLabs tts;

    CloudFakes(long sttDelayMs, long llmDelayMs, long ttsDelayMs) throws IOException {
        this.sttDelayMs = sttDelayMs;
        this.llmDelayMs = llmDelayMs;
        this.ttsDelayMs = ttsDelayMs;
        stt = new FakeTranscriptionServer(STT_KEY).transcript(HEARD).transcriptDelayMs(sttDelayMs);
        llm = new FakeChatServer().chunks(ANSWER).firstTokenDelayMs(llmDelayMs);
        // 600 ms of tone per line keeps the turns short; only the first audio's time matters here
        tts = new FakeElevenLabs().durationMs(600).firstAudioDelayMs(ttsDelayMs);
    }

    long providerDelayMs() {
        return sttDelayMs + llmDelayMs + ttsDelayMs;
    }

    /** The documented settings that point the stt, llm and tts services at the fakes (system properties of each JVM). */
    Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("glyphoxa.stt.provider", "openai");
        p.put("glyphoxa.stt.base-url", stt.baseUrl());
        p.put("glyphoxa.stt.model", "whisper-1");
        p.put("glyphoxa.stt.api-key", STT_KEY);
        p.put("glyphoxa.llm.provider", "openai");
        p.put("glyphoxa.llm.base-url", llm.baseUrl());
        p.put("glyphoxa.llm.model", "fake-model");
        p.put("glyphoxa.llm.api-key", LLM_KEY);
        p.put("glyphoxa.tts.elevenlabs.base-url", tts.baseUrl());
        p.put("glyphoxa.tts.elevenlabs.api-key", FakeElevenLabs.KEY);
        // See cloudVoicedCampaign: the NPCs' voices fall back to this one. Lines ElevenLabs fails on go to Festival.
        p.put("glyphoxa.tts.default-voice", "elevenlabs:" + VOICE_ID);
        p.put("glyphoxa.tts.fallback-voice", "festival:slt");
        return p;
    }

    /**
     * The campaign with every NPC on ElevenLabs. The gateway's campaign check accepts only the festival and espeak
     * engines (Voices.ENGINES), so an NPC cannot name an elevenlabs: voice; instead each gets a Festival voice that
     * does not exist, which the TTS stage's VoiceRouter answers with its default voice, set to ElevenLabs above (the
     * unknown preset is refused by a lookup in Festival's voice list, before any process is asked).
     */
    static Path cloudVoicedCampaign(Path campaign, Path out) throws IOException {
        String yaml = Files.readString(campaign).replaceAll("(?m)^(\\s+voice:\\s*).*$", "$1festival:cloud");
        Files.createDirectories(out.getParent());
        return Files.writeString(out, yaml);
    }

    /** Requests each fake answered: a check that the services really used them. */
    String requestCounts() {
        return String.format("transcriptions %d, chat completions %d, text-to-speech %d", stt.received().size(),
                llm.received().size(), tts.received().size());
    }

    @Override
    public void close() {
        stt.close();
        llm.close();
        tts.close();
    }
}
