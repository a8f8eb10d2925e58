package dev.glyphoxa.llm;

import dev.glyphoxa.contracts.AvroSerde;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.fakes.FakeChatServer;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import dev.glyphoxa.llm.state.Conversation;
import dev.glyphoxa.schema.DeadLetter;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.stage.StageFailures;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The production topology under TopologyTestDriver: control events and transcripts in, NPC lines and dead letters out. */
class LlmTopologyTest {

    private static final String S = "session-1";
    private static final long FIRST_LINE_MS = 4_242L;
    private static final String MINE_QUESTION = "Grimjaw, what do you know about the old mine?";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> control;
    private TestInputTopic<String, byte[]> transcripts;
    private TestInputTopic<String, byte[]> playback;
    private TestOutputTopic<String, NpcLine> lines;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private StageFailures failures;
    private Responders responders;
    private FakeChatServer server;

    private void open(LlmSettings settings, Responders responders) {
        this.responders = responders;
        LlmDriver llm = new LlmDriver(stateDir, settings, responders, () -> FIRST_LINE_MS);
        failures = llm.failures;
        driver = llm.driver;
        control = llm.control;
        transcripts = llm.transcripts;
        playback = llm.playback;
        lines = llm.lines;
        deadLetters = llm.deadLetters;
        assertThat(new LlmTopology(settings, failures, responders, () -> FIRST_LINE_MS).applicationId()).isEqualTo("glyphoxa-llm");
    }

    private RecordingResponder openOffline(LlmSettings settings) {
        RecordingResponder recording = new RecordingResponder(new OfflineResponder());
        open(settings, new Responders(recording, recording));
        return recording;
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        if (responders != null) {
            responders.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void sendControl(Object event) {
        sendControl(S, 1_000L, event);
    }

    private void sendControl(String session, long occurredAtMs, Object event) {
        control.pipeInput(session, AvroSerde.of(dev.glyphoxa.schema.ControlEvent.class)
                .encode(Campaigns.control(session, occurredAtMs, event)));
    }

    private void say(String turnId, String text) {
        say(S, turnId, text);
    }

    private void say(String session, String turnId, String text) {
        transcripts.pipeInput(session, AvroSerde.of(Transcript.class).encode(Campaigns.transcript(session, turnId, text)));
    }

    private void startTwoNpcs() {
        sendControl(Campaigns.started(Campaigns.grimjaw(), Campaigns.mara()));
    }

    /** Checks the turn framing every reply must have and returns the lines. */
    private List<NpcLine> turn(String turnId) {
        List<NpcLine> out = lines.readValuesToList();
        assertThat(out).isNotEmpty();
        assertThat(out).extracting(NpcLine::getTurnId).containsOnly(turnId);
        assertThat(out).extracting(NpcLine::getSequence).containsExactlyElementsOf(IntStream.range(0, out.size()).boxed().toList());
        assertThat(out).extracting(NpcLine::getLastInTurn)
                .containsExactlyElementsOf(IntStream.range(0, out.size()).mapToObj(i -> i == out.size() - 1).toList());
        assertThat(out).extracting(NpcLine::getSessionId).containsOnly(S);
        return out;
    }

    /** The voice-bridge played these lines to their end: only now do they count as said. */
    private List<NpcLine> play(List<NpcLine> turn) {
        turn.forEach(line -> playback.pipeInput(line.getSessionId(), AvroSerde.of(Playback.class).encode(Campaigns.played(line))));
        return turn;
    }

    private static String text(List<NpcLine> turn) {
        return String.join(" ", turn.stream().map(NpcLine::getText).toList());
    }

    @Test
    void theNamedNpcAnswersSentenceBySentenceWithReasonTimingsAndVoice() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);

        List<NpcLine> reply = turn("turn-1");
        assertThat(reply.size()).isBetween(2, 3);
        assertThat(reply).extracting(NpcLine::getNpcId).containsOnly("npc-grimjaw");
        assertThat(reply).extracting(NpcLine::getNpcName).containsOnly("Grimjaw");
        assertThat(reply).extracting(NpcLine::getVoice).containsOnly("festival:kal");
        assertThat(reply).extracting(NpcLine::getResponder).containsOnly("offline");
        assertThat(reply).extracting(NpcLine::getAddressingReason).containsOnly("named: Grimjaw");
        assertThat(text(reply)).contains(Campaigns.MINE_DESCRIPTION.substring(3, 40));
        NpcLine first = reply.getFirst();
        assertThat(first.getTimings().getSpeechEndMs()).isEqualTo(100L);
        assertThat(first.getTimings().getVadEndMs()).isEqualTo(350L);
        assertThat(first.getTimings().getSttFinalMs()).isEqualTo(900L);
        assertThat(first.getTimings().getLlmFirstLineMs()).isEqualTo(FIRST_LINE_MS);
        assertThat(first.getTimings().getTtsFirstAudioMs()).isNull();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aMutedNpcStaysSilentUntilUnmuted() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();
        sendControl(Campaigns.mute("npc-grimjaw", true));
        say("turn-1", MINE_QUESTION);
        assertThat(lines.isEmpty()).isTrue();

        sendControl(Campaigns.mute("npc-grimjaw", false));
        say("turn-2", MINE_QUESTION);
        assertThat(turn("turn-2")).extracting(NpcLine::getNpcId).containsOnly("npc-grimjaw");

        sendControl(Campaigns.mute(null, true)); // everybody
        say("turn-3", "Mara, a pint please!");
        say("turn-4", "Anybody?");
        assertThat(lines.isEmpty()).isTrue();
        SessionStarted stored = driver.<String, SessionStarted>getKeyValueStore(LlmTopology.CAMPAIGN_STORE).get(S);
        assertThat(stored.getNpcs()).allMatch(n -> n.getMuted());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void speakAsNpcSaysTheTextVerbatimEvenWhenMuted() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();
        sendControl(Campaigns.mute("npc-mara", true));
        sendControl(S, 77_000L, Campaigns.speak("npc-mara",
                "Welcome to the Rusty Tankard! Mind the step, Mr. Thorne... it bites. (Really.)"));

        List<NpcLine> reply = turn("gm-77000");
        assertThat(reply).extracting(NpcLine::getText).containsExactly(
                "Welcome to the Rusty Tankard!", "Mind the step, Mr. Thorne... it bites.", "(Really.)");
        assertThat(reply).extracting(NpcLine::getNpcId).containsOnly("npc-mara");
        assertThat(reply).extracting(NpcLine::getVoice).containsOnly("festival:slt");
        assertThat(reply).extracting(NpcLine::getResponder).containsOnly(ControlProcessor.GM_RESPONDER);
        assertThat(reply).extracting(NpcLine::getAddressingReason).containsOnly(ControlProcessor.GM_REASON);
        assertThat(reply.getFirst().getTimings().getLlmFirstLineMs()).isEqualTo(FIRST_LINE_MS);
    }

    @Test
    void badRecordsGoToDeadLettersAndTheNextGoodRecordStillWorks() {
        openOffline(LlmSettings.defaults());
        control.pipeInput(S, "not avro at all".getBytes(StandardCharsets.UTF_8));
        transcripts.pipeInput(S, new byte[]{(byte) 0xC3, 0x01, 1, 2, 3});
        say("other-session", "turn-0", "Grimjaw, are you there?");
        sendControl(Campaigns.speak("npc-nobody", "Boo."));

        List<DeadLetter> dead = deadLetters.readValuesToList();
        assertThat(dead).extracting(DeadLetter::getSourceTopic).containsExactly(
                Topics.CONTROL.name(), Topics.TRANSCRIPTS.name(), Topics.TRANSCRIPTS.name(), Topics.CONTROL.name());
        assertThat(dead).extracting(DeadLetter::getStage).containsOnly("llm");
        assertThat(dead.get(0).getErrorMessage()).contains("not a readable ControlEvent");
        assertThat(dead.get(1).getErrorMessage()).contains("not a readable Transcript");
        assertThat(dead.get(2).getErrorMessage()).contains("unknown session other-session")
                .contains("no SessionStarted seen");
        assertThat(dead.get(3).getErrorMessage()).contains("SpeakAsNpc for unknown session " + S);
        assertThat(failures.count(Topics.TRANSCRIPTS.name())).isEqualTo(2.0);
        assertThat(lines.isEmpty()).isTrue();

        startTwoNpcs();
        sendControl(Campaigns.speak("npc-nobody", "Boo."));
        assertThat(deadLetters.readValue().getErrorMessage()).contains("npc_id npc-nobody")
                .contains("npc-grimjaw", "npc-mara");
        transcripts.pipeInput(S, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetters.readValue().getSourceTopic()).isEqualTo(Topics.TRANSCRIPTS.name());
        say("turn-1", MINE_QUESTION);
        assertThat(turn("turn-1")).extracting(NpcLine::getNpcId).containsOnly("npc-grimjaw");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aTranscriptKeyedByAnotherSessionIsRejected() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();
        transcripts.pipeInput(S, AvroSerde.of(Transcript.class).encode(Campaigns.transcript("session-2", "t", "Grimjaw?")));
        assertThat(deadLetters.readValue().getErrorMessage()).contains("session-2").contains("keyed by session " + S);
    }

    @Test
    void theConversationIsReadBackFromTheStoreOnTheNextTurn() {
        RecordingResponder recording = openOffline(LlmSettings.defaults());
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        String first = text(play(turn("turn-1")));

        say("turn-2", "Tell me more about it.");
        List<NpcLine> second = play(turn("turn-2"));
        // no name in the line: the NPC addressed last continues, and knows what was said
        assertThat(second).extracting(NpcLine::getNpcId).containsOnly("npc-grimjaw");
        assertThat(second.getFirst().getAddressingReason()).startsWith("continuation: Grimjaw");
        // still about the mine (the topic came from the stored first turn), and nothing said twice
        assertThat(text(second)).contains("Old Mine");
        for (NpcLine line : second) {
            assertThat(first).doesNotContain(line.getText());
        }

        ReplyRequest request = recording.requests.get(1);
        assertThat(request.conversation()).containsExactly(
                new ReplyRequest.Line("player-1", null, MINE_QUESTION),
                new ReplyRequest.Line("Grimjaw", "npc-grimjaw", first));
        assertThat(request.knowledge()).extracting(e -> e.getName()).startsWith("The Old Mine");

        Conversation stored = driver.<String, Conversation>getKeyValueStore(LlmTopology.CONVERSATION_STORE).get(S);
        assertThat(stored.getLines()).hasSize(4);
        assertThat(stored.getLastNpcId()).isEqualTo("npc-grimjaw");
        assertThat(stored.getLastAddressedAtMs()).isEqualTo(1_000_000L);
    }

    @Test
    void theHistoryIsBoundedAndTheContinuationWindowExpires() {
        openOffline(LlmSettings.defaults().withHistorySize(3).withContinuationWindow(Duration.ofSeconds(30)));
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        play(turn("turn-1"));
        say("turn-2", "And the price of a sword?");
        play(turn("turn-2"));
        KeyValueStore<String, Conversation> store = driver.getKeyValueStore(LlmTopology.CONVERSATION_STORE);
        assertThat(store.get(S).getLines()).hasSize(3);
        assertThat(store.get(S).getLines().getFirst().getNpcId()).isEqualTo("npc-grimjaw");

        driver.advanceWallClockTime(Duration.ofSeconds(31));
        say("turn-3", "And the price of a sword?");
        assertThat(lines.isEmpty()).isTrue(); // two unmuted NPCs, none named, window over: nobody answers
        assertThat(store.get(S).getLines().getLast().getText()).isEqualTo("And the price of a sword?");
    }

    @Test
    void sessionStoppedForgetsTheSession() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        turn("turn-1");
        sendControl(Campaigns.stopped());
        assertThat(driver.getKeyValueStore(LlmTopology.CAMPAIGN_STORE).get(S)).isNull();
        assertThat(driver.getKeyValueStore(LlmTopology.CONVERSATION_STORE).get(S)).isNull();
        say("turn-2", MINE_QUESTION);
        assertThat(deadLetters.readValue().getErrorMessage()).contains("no SessionStarted seen");
    }

    @Test
    void anOpenAiEndpointStreamsTheReplyWithLabelsAndDirectionsRemoved() throws Exception {
        server = new FakeChatServer().chunks("Grim", "jaw: *spits* Aye, the mi", "ne is cursed.", " Stay away", " from it!");
        open(LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", "sk-x", Duration.ofSeconds(5)),
                Responders.from(LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", "sk-x",
                        Duration.ofSeconds(5))));
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        List<NpcLine> reply = turn("turn-1");
        assertThat(reply).extracting(NpcLine::getText).containsExactly("Aye, the mine is cursed.", "Stay away from it!");
        assertThat(reply).extracting(NpcLine::getResponder).containsOnly("openai");
        assertThat(server.received().getFirst().body()).contains(Campaigns.MINE_DESCRIPTION);
        play(reply);

        say("turn-2", "Why?");
        turn("turn-2");
        // the second prompt carries the first exchange, read back from the store
        assertThat(server.received().get(1).body()).contains("\"role\":\"assistant\",\"content\":\"Aye, the mine is cursed. Stay away from it!\"");
    }

    enum Failure { ERROR_500, HANG, GARBAGE }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void whenTheEndpointFailsTheOfflineResponderAnswersTheTurn(Failure failure) throws Exception {
        server = new FakeChatServer().mode(FakeChatServer.Mode.valueOf(failure.name()));
        LlmSettings settings = LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", null, Duration.ofMillis(300));
        open(settings, Responders.from(settings));
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        List<NpcLine> reply = turn("turn-1");
        assertThat(reply).extracting(NpcLine::getResponder).containsOnly("offline");
        assertThat(text(reply)).contains("abandoned silver mine");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aStreamThatBreaksOffMidReplyEndsTheTurnWithWhatArrived() throws Exception {
        server = new FakeChatServer().mode(FakeChatServer.Mode.STALL).chunks("Aye, the mine is cursed.", " Stay aw");
        LlmSettings settings = LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", null, Duration.ofMillis(300));
        open(settings, Responders.from(settings));
        startTwoNpcs();
        say("turn-1", MINE_QUESTION);
        List<NpcLine> reply = turn("turn-1");
        assertThat(reply).extracting(NpcLine::getText).containsExactly("Aye, the mine is cursed.", "Stay aw…");
        assertThat(reply).extracting(NpcLine::getResponder).containsOnly("openai");
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void whenTheFirstEndpointFailsOrIsSlowTheSecondAnswersBeforeTheOfflineOne(Failure failure) throws Exception {
        server = new FakeChatServer().mode(FakeChatServer.Mode.valueOf(failure.name()));
        try (FakeChatServer second = new FakeChatServer().chunks("Aye, ", "the second endpoint speaks.")) {
            LlmSettings settings = LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", null, Duration.ofMillis(300))
                    .withFallback(second.baseUrl(), "backup-model", "sk-backup");
            open(settings, Responders.from(settings));
            startTwoNpcs();
            say("turn-1", MINE_QUESTION);

            List<NpcLine> reply = turn("turn-1");

            assertThat(text(reply)).isEqualTo("Aye, the second endpoint speaks.");
            assertThat(reply).extracting(NpcLine::getResponder).containsOnly("openai");
            assertThat(server.received()).hasSize(1);
            assertThat(second.received()).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer sk-backup");
                assertThat(r.body()).contains("\"model\":\"backup-model\"");
            });
        }
    }

    @Test
    void whenBothEndpointsFailTheOfflineResponderStillAnswers() throws Exception {
        server = new FakeChatServer().mode(FakeChatServer.Mode.ERROR_500);
        try (FakeChatServer second = new FakeChatServer().mode(FakeChatServer.Mode.GARBAGE)) {
            LlmSettings settings = LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", null, Duration.ofMillis(300))
                    .withFallback(second.baseUrl(), "backup-model", null);
            open(settings, Responders.from(settings));
            startTwoNpcs();
            say("turn-1", MINE_QUESTION);

            List<NpcLine> reply = turn("turn-1");

            assertThat(reply).extracting(NpcLine::getResponder).containsOnly("offline");
            assertThat(second.received()).hasSize(1);
        }
    }

    /** A transcript whose speech ended {@code agoMs} before the test driver's wall clock. */
    private void sayAt(String speaker, String utterance, String turnId, String text, long agoMs) {
        long now = driverNow();
        transcripts.pipeInput(S, AvroSerde.of(Transcript.class).encode(Transcript.newBuilder(Campaigns.transcript(S, turnId, text))
                .setSpeakerId(speaker).setUtteranceId(utterance).setSpeechEndMs(now - agoMs).build()));
    }

    private long driverNow() {
        return wallClock;
    }

    private long wallClock = 1_000_000;

    private void advance(long ms) {
        wallClock += ms;
        driver.advanceWallClockTime(Duration.ofMillis(ms));
    }

    @Test
    void anUnfinishedLineWaitsForTheRestAndBothHalvesMakeOneTurn() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();

        sayAt("player-1", "u-1", "turn-a", "Grimjaw, what do you know about", 700);
        assertThat(lines.isEmpty()).as("the line trails off: the turn goes on").isTrue();
        advance(500);
        sayAt("player-1", "u-2", "turn-b", "the old mine?", 650);

        List<NpcLine> reply = turn("turn-a");
        assertThat(reply).extracting(NpcLine::getNpcName).containsOnly("Grimjaw");
        assertThat(text(reply)).contains("abandoned silver mine");
    }

    @Test
    void anUnfinishedLineWithNoMoreEndsWhenTheLongerSilenceRunsOut() {
        openOffline(LlmSettings.defaults().withTurnSilence(Duration.ofMillis(600), Duration.ofMillis(1800)));
        startTwoNpcs();

        sayAt("player-1", "u-1", "turn-a", "Grimjaw, tell me about the mine and", 700);
        advance(600);
        assertThat(lines.isEmpty()).as("1.3 s of silence, the maximum is 1.8 s").isTrue();
        advance(600);

        assertThat(turn("turn-a")).extracting(NpcLine::getNpcName).containsOnly("Grimjaw");
    }

    @Test
    void twoPlayersTalkingOverEachOtherMakeTwoTurns() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();

        sayAt("player-1", "u-1", "turn-a", "Grimjaw, tell me about", 700);
        sayAt("player-2", "u-2", "turn-b", "Mara, a pint please.", 700);
        List<NpcLine> mara = turn("turn-b");
        assertThat(mara).extracting(NpcLine::getNpcName).containsOnly("Mara Quickfoot");

        advance(2_000);
        List<NpcLine> grimjaw = turn("turn-a");
        assertThat(grimjaw).extracting(NpcLine::getNpcName).containsOnly("Grimjaw");
    }

    @Test
    void aCompleteLineIsAnsweredAtOnce() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();

        sayAt("player-1", "u-1", "turn-a", MINE_QUESTION, 700);

        assertThat(turn("turn-a")).isNotEmpty();
    }

    @Test
    void turnTakingReadsTrailingWordsAndPunctuation() {
        assertThat(TurnTaking.soundsUnfinished("tell me about the mine and")).isTrue();
        assertThat(TurnTaking.soundsUnfinished("Well, I think,")).isTrue();
        assertThat(TurnTaking.soundsUnfinished("so the thing is")).isTrue();
        assertThat(TurnTaking.soundsUnfinished("tell me about the mine")).isFalse();
        assertThat(TurnTaking.soundsUnfinished("Is it the one?")).isFalse();
        assertThat(TurnTaking.soundsUnfinished("What about it.")).isFalse();
    }

    private double turns(String outcome) {
        var c = failures.registry().find("glyphoxa.turns").tag("stage", "llm").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aTurnTheConfiguredResponderFailedIsCountedAsAnsweredByTheFallback() throws Exception {
        server = new FakeChatServer().mode(FakeChatServer.Mode.ERROR_500);
        LlmSettings settings = LlmSettings.defaults().withOpenAi(server.baseUrl(), "fake-model", null, Duration.ofMillis(300));
        open(settings, Responders.from(settings));
        startTwoNpcs();

        say("turn-1", MINE_QUESTION);   // the endpoint fails: the built-in responder answers
        turn("turn-1");

        assertThat(turns("answered_by_fallback")).isEqualTo(1);
        assertThat(turns("answered")).isZero();
        assertThat(turns("failed")).isZero();
    }

    @Test
    void turnsNobodyIsSpokenToAreCountedToo() {
        openOffline(LlmSettings.defaults());
        startTwoNpcs();

        say("turn-1", "what a night it has been");
        say("turn-2", MINE_QUESTION);
        turn("turn-2");

        assertThat(turns("nobody_addressed")).isEqualTo(1);
        assertThat(turns("answered")).isEqualTo(1);
    }

    @Test
    void aTurnNoResponderCanAnswerIsDeadLetteredAndCountedAsFailed() {
        dev.glyphoxa.llm.provider.Responder broken = new dev.glyphoxa.llm.provider.Responder() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void reply(dev.glyphoxa.llm.provider.ReplyRequest request, java.util.function.Consumer<String> deltas) {
                throw new dev.glyphoxa.llm.provider.ResponderException("no model here");
            }
        };
        open(LlmSettings.defaults(), new Responders(broken, broken));
        startTwoNpcs();

        say("turn-1", MINE_QUESTION);

        assertThat(lines.isEmpty()).isTrue();
        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getErrorMessage()).contains("no model here"));
        assertThat(turns("failed")).isEqualTo(1);
    }
}
