package dev.glyphoxa.vad;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Resampler;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes each speaker's Opus packets to mono PCM at the model's rate: one libopus decoder (mono output, so
 * stereo packets are downmixed by libopus itself) and one streaming 48 kHz resampler per speaker, because both
 * carry state from packet to packet.
 *
 * <p>This is a cache, not state: losing an entry only costs a few milliseconds of filter warm-up, so entries are
 * evicted when a speaker falls silent and everything is dropped when the stream task moves to another instance.
 * Not thread-safe: one per processor instance.
 */
public final class OpusDecoder implements AutoCloseable {

    private final int outRate;
    private final Map<String, Stream> streams = new HashMap<>();

    private record Stream(OpusCodec.Decoder decoder, Resampler resampler) {
    }

    public OpusDecoder(int outRate) {
        this.outRate = outRate;
    }

    /** Decodes the next packet of a stream; throws {@link IllegalArgumentException} for a corrupt packet. */
    public short[] decode(String stream, byte[] packet) {
        if (packet.length == 0) {
            throw new IllegalArgumentException("empty Opus packet");
        }
        Stream s = streams.computeIfAbsent(stream,
                k -> new Stream(OpusCodec.decoder(1), new Resampler(OpusCodec.SAMPLE_RATE, outRate)));
        return s.resampler().process(s.decoder().decode(packet));
    }

    public void evict(String stream) {
        Stream s = streams.remove(stream);
        if (s != null) {
            s.decoder().close();
        }
    }

    public int size() {
        return streams.size();
    }

    @Override
    public void close() {
        streams.values().forEach(s -> s.decoder().close());
        streams.clear();
    }
}
