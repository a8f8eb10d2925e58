package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.voicebridge.TurnPlayer;
import net.dv8tion.jda.api.audio.AudioSendHandler;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * JDA's send thread asks {@link #canProvide()} and then {@link #provide20MsAudio()} every 20 ms; each pair takes
 * one frame from the session's {@link TurnPlayer}. The frame is pulled in canProvide, because that is where JDA
 * decides whether to send anything: false when the player has nothing, so the bot stops transmitting.
 */
final class DiscordSendHandler implements AudioSendHandler {

    private final TurnPlayer player;
    private final LongSupplier clock;
    private TurnPlayer.Frame pending;

    DiscordSendHandler(TurnPlayer player, LongSupplier clock) {
        this.player = player;
        this.clock = clock;
    }

    @Override
    public boolean canProvide() {
        if (pending == null) {
            pending = player.pull(clock.getAsLong());
        }
        return pending != null;
    }

    @Override
    public ByteBuffer provide20MsAudio() {
        TurnPlayer.Frame frame = pending;
        pending = null;
        return frame == null ? null : ByteBuffer.wrap(frame.opus());
    }

    /** The packets already are 20 ms Opus frames from the TTS stage: JDA sends them as they are. */
    @Override
    public boolean isOpus() {
        return true;
    }
}
