package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import dev.glyphoxa.voicebridge.PlaybackListener;
import dev.glyphoxa.voicebridge.TestAudio;
import dev.glyphoxa.voicebridge.TurnPlayer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler as JDA's send thread uses it: canProvide, then provide20MsAudio, once per 20 ms. */
class DiscordSendHandlerTest {

    long now;
    final List<NpcAudio> firsts = new ArrayList<>();
    final TurnPlayer pacer = new TurnPlayer(3, 100, 5000, new PlaybackListener() {
        @Override
        public void packetOut(NpcAudio packet, boolean firstOfTurn, long nowMs) {
            if (firstOfTurn) {
                firsts.add(packet);
            }
        }
    });
    final DiscordSendHandler handler = new DiscordSendHandler(pacer, () -> now);

    /** One of JDA's 20 ms cycles; null when JDA would send nothing. */
    ByteBuffer cycle() {
        ByteBuffer out = handler.canProvide() ? handler.provide20MsAudio() : null;
        now += 20;
        return out;
    }

    @Test
    void sendsOpusAsIsThenSilenceThenStops() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t1", 1_000L, 10);
        turn.forEach(p -> pacer.offer(p, now));
        assertThat(handler.isOpus()).isTrue();

        for (NpcAudio packet : turn) {
            assertThat(cycle()).isEqualTo(packet.getOpus());
        }
        for (int i = 0; i < TurnPlayer.TRAILING_SILENCE_FRAMES; i++) {
            assertThat(cycle()).isEqualTo(ByteBuffer.wrap(TurnPlayer.SILENCE));
        }
        assertThat(handler.canProvide()).isFalse();
        assertThat(firsts).extracting(NpcAudio::getTurnId).containsExactly("t1");
    }

    @Test
    void countsPacketsOverOneSimulatedSecond() {
        List<NpcAudio> turn = TestAudio.npcTurn("s", "t1", null, 500);
        turn.forEach(p -> pacer.offer(p, now));
        int sent = 0;
        for (int tick = 0; tick < 50; tick++) {
            if (cycle() != null) {
                sent++;
            }
        }
        assertThat(sent).isEqualTo(50);
        // canProvide twice without a provide in between must not skip a frame
        handler.canProvide();
        handler.canProvide();
        assertThat(handler.provide20MsAudio()).isEqualTo(turn.get(50).getOpus());
    }
}
