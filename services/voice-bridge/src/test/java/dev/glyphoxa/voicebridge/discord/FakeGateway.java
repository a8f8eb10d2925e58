package dev.glyphoxa.voicebridge.discord;

import net.dv8tion.jda.api.audio.AudioReceiveHandler;
import net.dv8tion.jda.api.audio.AudioSendHandler;
import net.dv8tion.jda.api.audio.hooks.ConnectionListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records what the channel asks of Discord; a test plays Discord by calling the listener it was given. */
final class FakeGateway implements DiscordGateway {

    static final long SELF = 4242L;

    boolean ready;
    final List<String> calls = new ArrayList<>();
    final Map<Long, ConnectionListener> listeners = new HashMap<>();
    final Map<Long, AudioSendHandler> senders = new HashMap<>();
    final Map<Long, AudioReceiveHandler> receivers = new HashMap<>();
    RuntimeException refuseOpen;

    static DiscordSettings settings() {
        return DiscordSettings.withToken("token", null);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String status() {
        return ready ? "CONNECTED" : "LOGGING_IN";
    }

    @Override
    public long selfUserId() {
        return SELF;
    }

    @Override
    public void open(DiscordTarget target, AudioSendHandler send, AudioReceiveHandler receive, ConnectionListener listener) {
        calls.add("open " + target);
        if (refuseOpen != null) {
            throw refuseOpen;
        }
        listeners.put(target.guildId(), listener);
        senders.put(target.guildId(), send);
        receivers.put(target.guildId(), receive);
    }

    @Override
    public void close(long guildId) {
        calls.add("close " + guildId);
    }

    @Override
    public void close() {
        calls.add("shutdown");
    }
}
