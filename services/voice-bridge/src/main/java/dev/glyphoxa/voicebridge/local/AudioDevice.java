package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.OpusCodec;
import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.voicebridge.BridgeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays NPC audio on the machine's speakers when there are any (setting {@code playback: auto}); on a
 * headless machine it says so once and the replies are only written as WAV files.
 */
@Singleton
public class AudioDevice {

    private static final Logger LOG = LoggerFactory.getLogger(AudioDevice.class);

    private final SourceDataLine line;

    public AudioDevice(BridgeSettings settings) {
        this.line = "off".equalsIgnoreCase(settings.playback()) ? null : open();
    }

    private static SourceDataLine open() {
        try {
            AudioFormat format = new AudioFormat(OpusCodec.SAMPLE_RATE, 16, 1, true, false);
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            l.open(format, OpusCodec.FRAME_SAMPLES * 2 * 10);
            l.start();
            LOG.info("playing NPC replies on the default audio device");
            return l;
        } catch (Exception | LinkageError e) {
            LOG.info("no audio device ({}): NPC replies are written as WAV files only", e.getMessage());
            return null;
        }
    }

    public void write(short[] pcm) {
        if (line != null) {
            byte[] bytes = Pcm.toBytes(pcm);
            line.write(bytes, 0, Math.min(bytes.length, line.available()));
        }
    }

    @PreDestroy
    void close() {
        if (line != null) {
            line.close();
        }
    }
}
