package dev.glyphoxa.voicebridge.discord;

import dev.glyphoxa.schema.VoicePacket;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the Opus packets Discord delivers for one session — one stream per speaker, each packet tagged with the
 * speaker's user id, the stream's SSRC and its RTP sequence — into {@code glyphoxa.voice.in} records.
 *
 * <p>Per speaker, the record sequence follows the RTP sequence, so a packet lost on the way leaves a gap (the
 * VAD sees real time) and a packet overtaken on the way is dropped rather than sent out of order: the VAD
 * treats a sequence at or below the last one it took as a redelivery, and holding packets back to reorder
 * them would delay every utterance. A new SSRC (the speaker's client reconnected) continues the numbering, so
 * sequences only grow for the life of the session. The bot's own user and SSRC are dropped: the NPCs must not
 * hear themselves.
 */
public final class ReceivedAudioMapper {

    /** Discord clients send stereo Opus; the VAD downmixes. */
    public static final int CHANNELS = 2;

    private static final class Speaker {
        int ssrc;
        int lastRtp;
        long sequence = -1;
    }

    private final String sessionId;
    private final Map<Long, Speaker> speakers = new HashMap<>();
    private long selfUserId;
    private Integer selfSsrc;
    private long dropped;

    public ReceivedAudioMapper(String sessionId, long selfUserId) {
        this.sessionId = sessionId;
        this.selfUserId = selfUserId;
    }

    /** Known only once the gateway connection is ready; set before each voice connection opens. */
    public synchronized void ignoreUser(long userId) {
        this.selfUserId = userId;
    }

    /** JDA does not publish the bot's own SSRC; callers that learn it can set it here. */
    public synchronized void ignoreSsrc(int ssrc) {
        this.selfSsrc = ssrc;
    }

    /**
     * @param userId       the speaker JDA paired with the SSRC (0 = not paired yet)
     * @param rtpSequence  16-bit RTP sequence number of the packet
     * @return the record to publish, or empty for the bot's own audio and for late or repeated packets
     */
    public synchronized Optional<VoicePacket> map(long userId, int ssrc, int rtpSequence, byte[] opus, long receivedAtMs) {
        if (userId == 0 || userId == selfUserId || (selfSsrc != null && ssrc == selfSsrc) || opus.length == 0) {
            dropped++;
            return Optional.empty();
        }
        Speaker speaker = speakers.computeIfAbsent(userId, id -> new Speaker());
        int rtp = rtpSequence & 0xffff;
        long step = 1;
        if (speaker.sequence >= 0 && speaker.ssrc == ssrc) {
            // RTP sequences wrap at 2^16: the signed 16-bit difference is the distance either way round.
            step = (short) (rtp - speaker.lastRtp);
            if (step <= 0) {
                dropped++;
                return Optional.empty();
            }
        }
        speaker.ssrc = ssrc;
        speaker.lastRtp = rtp;
        speaker.sequence += step;
        return Optional.of(VoicePacket.newBuilder()
                .setSessionId(sessionId)
                .setSpeakerId(Long.toString(userId))
                .setSequence(speaker.sequence)
                .setCaptureTsMs(receivedAtMs)
                .setChannels(CHANNELS)
                .setOpus(ByteBuffer.wrap(opus))
                .build());
    }

    /** Packets not published: the bot's own, unpaired, empty, late or repeated ones. */
    public synchronized long dropped() {
        return dropped;
    }
}
