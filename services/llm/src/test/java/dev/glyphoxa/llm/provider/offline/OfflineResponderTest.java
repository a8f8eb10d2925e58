package dev.glyphoxa.llm.provider.offline;

import dev.glyphoxa.llm.Campaigns;
import dev.glyphoxa.llm.KnowledgeRetriever;
import dev.glyphoxa.llm.SentenceSplitter;
import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.schema.NpcProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineResponderTest {

    private final OfflineResponder responder = new OfflineResponder();
    private final KnowledgeRetriever retriever = new KnowledgeRetriever(3);

    /** What the stage would pass: the entities retrieved for the line, then the reply as one string. */
    private String ask(NpcProfile npc, String line, List<ReplyRequest.Line> conversation) {
        ReplyRequest request = new ReplyRequest("Shadows over Thornbury", npc,
                retriever.relevant(line, npc, Campaigns.entities(), conversation), conversation, "player-1", line);
        StringBuilder reply = new StringBuilder();
        responder.reply(request, reply::append);
        return reply.toString();
    }

    private String ask(NpcProfile npc, String line) {
        return ask(npc, line, List.of());
    }

    @Test
    void theBlacksmithTellsWhatHeKnowsOfTheOldMine() {
        String reply = ask(Campaigns.grimjaw(), "Grimjaw, what do you know about the old mine?");
        assertThat(reply).contains("abandoned silver mine in the hills north of Thornbury");
        assertThat(SentenceSplitter.split(reply)).hasSizeBetween(1, 3);
    }

    @Test
    void whereQuestionsAnswerWithTheLocation() {
        String reply = ask(Campaigns.mara(), "Where is the Rusty Tankard?");
        // the description opens as a bare noun phrase and is said as a sentence: "It's the only inn of ..."
        assertThat(reply).contains("It's the only inn of Thornbury, known for its honey ale and loud songs.");
    }

    @Test
    void tagsFindAnEntityWhoseNameIsNotSaid() {
        assertThat(ask(Campaigns.grimjaw(), "Have you seen a silver hammer anywhere?")).contains("dwarven warhammer");
    }

    @Test
    void aDirectionNamingAMoodSetsTheToneAndOneNamingNoneChangesNothing() {
        NpcProfile nervous = Campaigns.grimjaw();
        nervous.setDirection("You are nervous tonight: the guards are looking for you.");
        NpcProfile wary = Campaigns.grimjaw();
        wary.setDirection("Be wary of the elf, she stole from you.");

        assertThat(new Persona(nervous, 0).tone()).isEqualTo(Persona.Tone.NERVOUS);
        assertThat(new Persona(wary, 0).tone()).isEqualTo(Persona.Tone.GRUFF);
        assertThat(ask(nervous, "Hello!")).isNotEqualTo(ask(Campaigns.grimjaw(), "Hello!"));
        assertThat(ask(wary, "Hello!")).isEqualTo(ask(Campaigns.grimjaw(), "Hello!"));
        assertThat(ask(nervous, "Hello!")).doesNotContain("guards", "nervous");
    }

    @Test
    void eachNpcAnswersInItsOwnPersona() {
        assertThat(Persona.toneOf(Campaigns.grimjaw().getPersona())).isEqualTo(Persona.Tone.GRUFF);
        assertThat(Persona.toneOf(Campaigns.mara().getPersona())).isEqualTo(Persona.Tone.CHEERFUL);

        String grim = ask(Campaigns.grimjaw(), "Hello!");
        String mara = ask(Campaigns.mara(), "Hello!");
        assertThat(grim).isNotEqualTo(mara);
        assertThat(grim).doesNotContain("friend").doesNotContain("!");
        assertThat(mara).contains("!");

        assertThat(ask(Campaigns.grimjaw(), "Who are you?"))
                .startsWith("I'm Grimjaw, a gruff dwarven blacksmith who distrusts strangers but loves good steel.");
        assertThat(ask(Campaigns.mara(), "Who are you?"))
                .startsWith("I'm Mara Quickfoot, a cheerful halfling innkeeper who knows every rumour in the village.");
    }

    @Test
    void anUnknownTopicGetsTheFallback() {
        for (NpcProfile npc : List.of(Campaigns.grimjaw(), Campaigns.mara())) {
            String reply = ask(npc, "What do you know about the dragon of the eastern peaks?");
            assertThat(reply).contains("know nothing of that");
            assertThat(reply).doesNotContain("mine").doesNotContain("Thornbury");
        }
    }

    @Test
    void commonIntentsGetTheirOwnReplies() {
        NpcProfile grim = Campaigns.grimjaw();
        String farewell = ask(grim, "Farewell, Grimjaw.");
        String thanks = ask(grim, "Thanks for the help.");
        assertThat(List.of("Off with you, then.", "Aye. Mind how you go.", "Good. I've work to do.")).contains(farewell);
        assertThat(List.of("Hmph. Don't mention it.", "Aye, aye. Off you go.")).contains(thanks);
        assertThat(ask(grim, "How are you today?")).doesNotContain("know nothing");
        String greetingAndQuestion = ask(grim, "Hail Grimjaw! Where is the old mine?");
        assertThat(greetingAndQuestion).contains("north of Thornbury");
    }

    @Test
    void theSameInputsGiveTheSameReply() {
        String line = "Tell me about the Rusty Tankard.";
        assertThat(ask(Campaigns.mara(), line)).isEqualTo(ask(Campaigns.mara(), line));
    }

    @Test
    void aFollowUpContinuesTheTopicWithWhatWasNotSaidYet() {
        NpcProfile grim = Campaigns.grimjaw();
        String first = ask(grim, "What do you know about the old mine?");
        List<ReplyRequest.Line> conversation = new ArrayList<>(List.of(
                new ReplyRequest.Line("player-1", null, "What do you know about the old mine?"),
                new ReplyRequest.Line("Grimjaw", grim.getNpcId(), first)));
        String second = ask(grim, "Tell me more about it.", conversation);
        assertThat(second).doesNotContain("abandoned silver mine");
        assertThat(first + " " + second).contains("ten years ago");

        conversation.add(new ReplyRequest.Line("player-1", null, "Tell me more about it."));
        conversation.add(new ReplyRequest.Line("Grimjaw", grim.getNpcId(), second));
        String third = ask(grim, "Anything else about it?", conversation);
        assertThat(third).containsAnyOf("all I know of the Old Mine", "Nothing more to say about the Old Mine")
                .doesNotContain("ten years ago");
    }

    @Test
    void repliesStreamAsSeveralDeltas() {
        ReplyRequest request = new ReplyRequest("c", Campaigns.grimjaw(), List.of(), List.of(), "p", "Who are you?");
        List<String> deltas = new ArrayList<>();
        responder.reply(request, deltas::add);
        assertThat(deltas.size()).isGreaterThan(5);
    }
}
