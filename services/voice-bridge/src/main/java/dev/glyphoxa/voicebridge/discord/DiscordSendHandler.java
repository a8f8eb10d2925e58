package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.NpcAudio;
import net.dv8tion.jda.api.audio.AudioSendHandler;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * JDA's send thread asks {@link #canProvide()} and then {@link #provide20MsAudio()} every 20 ms; each pair takes
 * one frame from the session's {@link OutgoingAudioPacer}. The frame is pulled in canProvide, because that is
 * where JDA decides whether to send anything: false when the pacer has nothing, so the bot stops transmitting.
 */
final class DiscordSendHandler implements AudioSendHandler {

    private final OutgoingAudioPacer pacer;
    private final LongSupplier clock;
    private final Consumer<NpcAudio> firstOfTurnSent;
    private OutgoingAudioPacer.Frame pending;

    DiscordSendHandler(OutgoingAudioPacer pacer, LongSupplier clock, Consumer<NpcAudio> firstOfTurnSent) {
        this.pacer = pacer;
        this.clock = clock;
        this.firstOfTurnSent = firstOfTurnSent;
    }

    @Override
    public boolean canProvide() {
        if (pending == null) {
            pending = pacer.pull(clock.getAsLong());
        }
        return pending != null;
    }

    @Override
    public ByteBuffer provide20MsAudio() {
        OutgoingAudioPacer.Frame frame = pending;
        pending = null;
        if (frame == null) {
            return null;
        }
        if (frame.firstOfTurn()) {
            firstOfTurnSent.accept(frame.packet());
        }
        return ByteBuffer.wrap(frame.opus());
    }

    /** The packets already are 20 ms Opus frames from the TTS stage: JDA sends them as they are. */
    @Override
    public boolean isOpus() {
        return true;
    }
}
