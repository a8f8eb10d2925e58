package dev.glyphoxa.llm;

import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.CutReason;
import dev.glyphoxa.schema.KnowledgeEntity;
import dev.glyphoxa.schema.LinePlayed;
import dev.glyphoxa.schema.NpcDirection;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.NpcProfile;
import dev.glyphoxa.schema.Playback;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.schema.SpeakAsNpc;
import dev.glyphoxa.schema.Transcript;
import dev.glyphoxa.schema.TurnCut;
import dev.glyphoxa.schema.TurnTimings;

import java.util.ArrayList;
import java.util.List;

/** A small campaign used across the tests: a blacksmith and an innkeeper in the village of Thornbury. */
public final class Campaigns {

    public static final String MINE_DESCRIPTION = "An abandoned silver mine in the hills north of Thornbury.";
    public static final String MINE_SECOND = "It collapsed ten years ago and nobody who went in since has come back.";
    public static final String TANKARD_DESCRIPTION = "The only inn of Thornbury, known for its honey ale and loud songs.";
    public static final String HAMMER_DESCRIPTION = "A dwarven warhammer with a silver head, lost in the mine during the collapse.";

    private Campaigns() {
    }

    public static NpcProfile grimjaw() {
        return NpcProfile.newBuilder().setNpcId("npc-grimjaw").setName("Grimjaw").setAliases(List.of("the smith"))
                .setPersona("A gruff dwarven blacksmith who distrusts strangers but loves good steel.")
                .setVoice("festival:kal").setMuted(false).build();
    }

    public static NpcProfile mara() {
        return NpcProfile.newBuilder().setNpcId("npc-mara").setName("Mara Quickfoot").setAliases(List.of())
                .setPersona("A cheerful halfling innkeeper who knows every rumour in the village.")
                .setVoice("festival:slt").setMuted(false).build();
    }

    public static List<KnowledgeEntity> entities() {
        return List.of(
                entity("loc-mine", "location", "The Old Mine", MINE_DESCRIPTION + " " + MINE_SECOND, "mine", "silver"),
                entity("loc-tankard", "location", "The Rusty Tankard", TANKARD_DESCRIPTION, "inn", "tavern"),
                entity("item-hammer", "item", "Stormbreaker", HAMMER_DESCRIPTION, "weapon", "hammer"),
                entity("npc-grimjaw", "npc", "Grimjaw", "The village blacksmith; a dwarf with a burnt beard.", "smith"));
    }

    public static KnowledgeEntity entity(String id, String type, String name, String description, String... tags) {
        return KnowledgeEntity.newBuilder().setEntityId(id).setType(type).setName(name).setDescription(description)
                .setTags(List.of(tags)).build();
    }

    public static SessionStarted started(NpcProfile... npcs) {
        return SessionStarted.newBuilder().setCampaignId("camp-1").setCampaignName("Shadows over Thornbury")
                .setVoiceChannel("local").setNarratorVoice("slt").setNpcs(new ArrayList<>(List.of(npcs)))
                .setEntities(new ArrayList<>(entities())).build();
    }

    public static ControlEvent control(String sessionId, Object event) {
        return ControlEvent.newBuilder().setSessionId(sessionId).setTenantId("tenant-1").setOccurredAtMs(1_000L)
                .setEvent(event).build();
    }

    public static ControlEvent control(String sessionId, long occurredAtMs, Object event) {
        return ControlEvent.newBuilder().setSessionId(sessionId).setTenantId("tenant-1")
                .setOccurredAtMs(occurredAtMs).setEvent(event).build();
    }

    public static NpcMuteChanged mute(String npcId, boolean muted) {
        return NpcMuteChanged.newBuilder().setNpcId(npcId).setMuted(muted).build();
    }

    /** @param direction null clears the NPC's standing direction */
    public static NpcDirection direct(String npcId, String direction) {
        return NpcDirection.newBuilder().setNpcId(npcId).setDirection(direction).build();
    }

    public static SpeakAsNpc speak(String npcId, String text) {
        return SpeakAsNpc.newBuilder().setNpcId(npcId).setText(text).build();
    }

    public static SessionStopped stopped() {
        return SessionStopped.newBuilder().setReason("gm ended the session").build();
    }

    public static TurnTimings timings() {
        return TurnTimings.newBuilder().setSpeechEndMs(100L).setVadEndMs(350L).setSttFinalMs(900L).build();
    }

    public static Transcript transcript(String sessionId, String turnId, String text) {
        return Transcript.newBuilder().setSessionId(sessionId).setSpeakerId("player-1").setUtteranceId("utt-" + turnId)
                .setTurnId(turnId).setText(text).setIsFinal(true).setProvider("test").setSpeechStartMs(0L)
                .setSpeechEndMs(100L).setTimings(timings()).build();
    }

    /** What the voice-bridge reports when the line's last packet went out. */
    public static Playback played(NpcLine line) {
        return playback(line.getSessionId(), line.getTurnId(), line.getNpcId(), LinePlayed.newBuilder()
                .setLineSequence(line.getSequence()).setLastInTurn(line.getLastInTurn()).setPackets(10)
                .setTimings(line.getTimings()).build());
    }

    /** What the voice-bridge reports when a player barges into the turn. */
    public static Playback cut(String sessionId, String turnId, String npcId, int linesPlayed) {
        return playback(sessionId, turnId, npcId, TurnCut.newBuilder().setLinesPlayed(linesPlayed)
                .setReason(CutReason.BARGE_IN).setSpeakerId("player-1").setTimings(timings()).build());
    }

    public static Playback playback(String sessionId, String turnId, String npcId, Object event) {
        return Playback.newBuilder().setSessionId(sessionId).setTurnId(turnId).setNpcId(npcId)
                .setOccurredAtMs(5_000L).setEvent(event).build();
    }
}
