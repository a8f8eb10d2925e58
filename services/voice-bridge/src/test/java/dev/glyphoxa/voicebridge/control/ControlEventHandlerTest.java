package dev.glyphoxa.voicebridge.control;

import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.ControlEvent;
import dev.glyphoxa.schema.NpcMuteChanged;
import dev.glyphoxa.schema.SessionStarted;
import dev.glyphoxa.schema.SessionStopped;
import dev.glyphoxa.voicebridge.FakeVoiceChannel;
import dev.glyphoxa.voicebridge.VoiceChannels;
import dev.glyphoxa.voicebridge.control.ControlEventHandler.Outcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The control handler against fake channels and a recording dead-letter sink (stage-kit's publisher in the service). */
class ControlEventHandlerTest {

    record Rejected(ConsumerRecord<String, byte[]> record, Exception error) {
    }

    final FakeVoiceChannel discord = new FakeVoiceChannel("discord");
    final FakeVoiceChannel local = new FakeVoiceChannel("local");
    final List<Rejected> deadLetters = new ArrayList<>();
    final ControlEventHandler handler = new ControlEventHandler(new VoiceChannels(List.of(local, discord)),
            (record, error) -> deadLetters.add(new Rejected(record, error)));
    long offset;

    @Test
    void sessionStartedJoinsTheDiscordChannelAndSessionStoppedLeavesIt() {
        assertThat(handler.handle(record("s1", started("s1", "discord:111/222")))).isEqualTo(Outcome.JOINED);
        assertThat(handler.handle(record("s1", stopped("s1")))).isEqualTo(Outcome.LEFT);

        assertThat(discord.calls).containsExactly("join s1 of local 111/222", "leave s1");
        assertThat(local.calls).isEmpty();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void theEventsTenantIsPassedToTheJoin() {
        byte[] started = encode(ControlEvent.newBuilder().setSessionId("s6").setTenantId("guild-of-tenant-b").setOccurredAtMs(1)
                .setEvent(SessionStarted.newBuilder().setCampaignId("c").setCampaignName("Mines")
                        .setVoiceChannel("discord:111/222").setNpcs(List.of()).setEntities(List.of()).build())
                .build());
        assertThat(handler.handle(record("s6", started))).isEqualTo(Outcome.JOINED);
        assertThat(discord.calls).containsExactly("join s6 of guild-of-tenant-b 111/222");
    }

    @Test
    void localSessionsJoinTheLocalChannel() {
        assertThat(handler.handle(record("s2", started("s2", "local")))).isEqualTo(Outcome.JOINED);
        assertThat(local.calls).containsExactly("join s2 of local ");
        assertThat(discord.calls).isEmpty();
    }

    @Test
    void garbageIsDeadLetteredAndTheNextEventIsStillHandled() {
        ConsumerRecord<String, byte[]> garbage = record("s3", "definitely not avro".getBytes(StandardCharsets.UTF_8));

        assertThat(handler.handle(garbage)).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(handler.handle(record("s3", started("s3", "discord:1/2")))).isEqualTo(Outcome.JOINED);

        assertThat(deadLetters).singleElement().satisfies(r -> {
            assertThat(r.record()).isSameAs(garbage);
            assertThat(r.error().getMessage()).contains("not a readable ControlEvent");
        });
        assertThat(discord.calls).containsExactly("join s3 of local 1/2");
    }

    @Test
    void recordsThatCanNeverBeHandledAreDeadLettered() {
        assertThat(handler.handle(record("other-session", started("s4", "discord:1/2")))).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(handler.handle(record("s4", started("s4", "discord:refuse")))).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(handler.handle(record(null, started("s4", "discord:1/2")))).isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(deadLetters).extracting(r -> r.error().getMessage())
                .containsExactly("ControlEvent of session s4 arrived keyed by session other-session",
                        "cannot join refuse", "record has no session id key");
        assertThat(discord.calls).isEmpty();
    }

    @Test
    void unknownChannelKindsAndOtherEventsAreIgnored() {
        assertThat(handler.handle(record("s5", started("s5", "teamspeak:abc")))).isEqualTo(Outcome.IGNORED);
        assertThat(handler.handle(record("s5", started("s5", "")))).isEqualTo(Outcome.IGNORED);
        ControlEvent mute = ControlEvent.newBuilder().setSessionId("s5").setTenantId("t").setOccurredAtMs(1)
                .setEvent(NpcMuteChanged.newBuilder().setNpcId(null).setMuted(true).build()).build();
        assertThat(handler.handle(record("s5", encode(mute)))).isEqualTo(Outcome.IGNORED);
        assertThat(discord.calls).isEmpty();
        assertThat(local.calls).isEmpty();
        assertThat(deadLetters).isEmpty();
    }

    static byte[] started(String session, String voiceChannel) {
        return encode(ControlEvent.newBuilder().setSessionId(session).setTenantId("local").setOccurredAtMs(1)
                .setEvent(SessionStarted.newBuilder().setCampaignId("c").setCampaignName("Mines")
                        .setVoiceChannel(voiceChannel).setNpcs(List.of()).setEntities(List.of()).build())
                .build());
    }

    static byte[] stopped(String session) {
        return encode(ControlEvent.newBuilder().setSessionId(session).setTenantId("local").setOccurredAtMs(2)
                .setEvent(SessionStopped.newBuilder().setReason("gm stopped").build()).build());
    }

    static byte[] encode(ControlEvent event) {
        return Topics.CONTROL.valueSerde().encode(event);
    }

    ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.CONTROL.name(), 0, offset++, key, value);
    }
}
