package dev.glyphoxa.voicebridge.discord;

/** The voice channel a session talks in: {@code <guildId>/<voiceChannelId>}, both Discord snowflakes. */
public record DiscordTarget(long guildId, long channelId) {

    public static DiscordTarget parse(String target) {
        String[] parts = target == null ? new String[0] : target.split("/", -1);
        if (parts.length != 2) {
            throw malformed(target);
        }
        try {
            long guild = Long.parseLong(parts[0].strip());
            long channel = Long.parseLong(parts[1].strip());
            if (guild <= 0 || channel <= 0) {
                throw malformed(target);
            }
            return new DiscordTarget(guild, channel);
        } catch (NumberFormatException e) {
            throw malformed(target);
        }
    }

    private static IllegalArgumentException malformed(String target) {
        return new IllegalArgumentException("Discord voice channel must be discord:<guildId>/<voiceChannelId>, got discord:" + target);
    }

    @Override
    public String toString() {
        return guildId + "/" + channelId;
    }
}
