package dev.glyphoxa.voicebridge;

/**
 * {@code SessionStarted.voice_channel} split into the channel kind and what that kind needs to find the place:
 * {@code local} → ("local", ""), {@code discord:123/456} → ("discord", "123/456").
 */
public record ChannelRef(String kind, String target) {

    public static ChannelRef parse(String voiceChannel) {
        String value = voiceChannel == null ? "" : voiceChannel.strip();
        int colon = value.indexOf(':');
        return colon < 0 ? new ChannelRef(value, "") : new ChannelRef(value.substring(0, colon), value.substring(colon + 1));
    }
}
