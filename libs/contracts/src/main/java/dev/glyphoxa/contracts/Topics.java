package dev.glyphoxa.contracts;

import dev.glyphoxa.schema.BargeIn;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.SpeechEvent;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.VoicePacket;

import java.util.List;
import java.util.Optional;

/** The one place that declares every topic of the pipeline. */
public final class Topics {

    public static final Topic<ControlEvent> CONTROL =
            new Topic<>("glyphoxa.control", ControlEvent.class, "gateway -> all: session lifecycle and GM commands");
    public static final Topic<VoicePacket> VOICE_IN =
            new Topic<>("glyphoxa.voice.in", VoicePacket.class, "voice-bridge -> vad: one Opus packet per record");
    public static final Topic<SpeechEvent> SPEECH =
            new Topic<>("glyphoxa.speech", SpeechEvent.class, "vad -> stt: utterance started / 16 kHz PCM / ended");
    public static final Topic<Transcript> TRANSCRIPTS =
            new Topic<>("glyphoxa.transcripts", Transcript.class, "stt -> llm, gateway: recognised text per utterance");
    public static final Topic<NpcLine> NPC_LINES =
            new Topic<>("glyphoxa.npc.lines", NpcLine.class, "llm -> tts, gateway: NPC reply, sentence by sentence");
    public static final Topic<NpcAudio> VOICE_OUT =
            new Topic<>("glyphoxa.voice.out", NpcAudio.class, "tts -> voice-bridge: Opus packets of the NPC's voice");
    public static final Topic<BargeIn> BARGE_IN =
            new Topic<>("glyphoxa.barge-in", BargeIn.class, "vad -> voice-bridge: a player spoke long enough to cut an NPC off");
    public static final Topic<Playback> PLAYBACK =
            new Topic<>("glyphoxa.playback", Playback.class, "voice-bridge -> llm, tts, gateway: lines played, turns cut");
    public static final Topic<DeadLetter> DEADLETTER =
            new Topic<>("glyphoxa.deadletter", DeadLetter.class, "any -> tooling: records a stage could not handle");

    public static final List<Topic<?>> ALL =
            List.of(CONTROL, VOICE_IN, SPEECH, TRANSCRIPTS, NPC_LINES, VOICE_OUT, BARGE_IN, PLAYBACK, DEADLETTER);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
