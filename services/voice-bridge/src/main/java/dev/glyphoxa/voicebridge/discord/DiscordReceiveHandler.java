package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.VoicePacket;
import net.dv8tion.jda.api.audio.AudioReceiveHandler;
import net.dv8tion.jda.api.audio.OpusPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Takes each speaker's Opus packets as JDA delivers them (decrypted, DAVE included, still encoded: decoding is
 * the VAD's job) and hands them to the {@link ReceivedAudioMapper}. JDA only delivers packets whose SSRC it has
 * paired with a user, so every packet carries its speaker.
 */
final class DiscordReceiveHandler implements AudioReceiveHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordReceiveHandler.class);

    private final ReceivedAudioMapper mapper;
    private final Consumer<VoicePacket> sink;
    private final LongSupplier clock;
    private long failures;

    DiscordReceiveHandler(ReceivedAudioMapper mapper, Consumer<VoicePacket> sink, LongSupplier clock) {
        this.mapper = mapper;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public boolean canReceiveEncoded() {
        return true;
    }

    @Override
    public void handleEncodedAudio(OpusPacket packet) {
        try {
            mapper.map(packet.getUserId(), packet.getSSRC(), packet.getSequence(), packet.getOpusAudio(), clock.getAsLong())
                    .ifPresent(sink);
        } catch (RuntimeException e) {
            // An exception here would end JDA's receive thread, and with it every speaker of the session.
            if (failures++ % 500 == 0) {
                LOG.warn("cannot publish a voice packet ({} so far): {}", failures, e.getMessage());
            }
        }
    }
}
