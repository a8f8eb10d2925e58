package dev.glyphoxa.audio;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** WAV reading and writing through javax.sound, normalised to 16-bit mono at a chosen rate. */
public final class Wav {

    private Wav() {
    }

    /** A mono 16-bit clip. */
    public record Clip(short[] samples, int sampleRate) {
        public double seconds() {
            return samples.length / (double) sampleRate;
        }
    }

    /** Thrown with a one-line, user-facing message when a file is not a WAV we can read. */
    public static final class UnreadableAudioException extends IOException {
        public UnreadableAudioException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Clip read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new UnreadableAudioException("cannot read audio file " + file + ": it does not exist or is not readable", null);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    public static Clip read(byte[] wav, String name) throws IOException {
        return read(new ByteArrayInputStream(wav), name);
    }

    private static Clip read(InputStream in, String name) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(in)) {
            AudioFormat src = source.getFormat();
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), 16,
                    src.getChannels(), src.getChannels() * 2, src.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, source)) {
                short[] interleaved = Pcm.toShorts(pcm.readAllBytes());
                return new Clip(Pcm.downmix(interleaved, src.getChannels()), Math.round(src.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new UnreadableAudioException("cannot read audio file " + name
                    + ": not a PCM WAV file (" + e.getMessage() + ")", e);
        }
    }

    public static Clip readAs(Path file, int sampleRate) throws IOException {
        Clip clip = read(file);
        return new Clip(Resampler.convert(clip.samples(), clip.sampleRate(), sampleRate), sampleRate);
    }

    public static byte[] toBytes(Clip clip) throws IOException {
        AudioFormat format = new AudioFormat(clip.sampleRate(), 16, 1, true, false);
        byte[] pcm = Pcm.toBytes(clip.samples());
        try (AudioInputStream ais = new AudioInputStream(new ByteArrayInputStream(pcm), format, clip.samples().length)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(pcm.length + 64);
            AudioSystem.write(ais, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    public static void write(Path file, Clip clip) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, toBytes(clip));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
