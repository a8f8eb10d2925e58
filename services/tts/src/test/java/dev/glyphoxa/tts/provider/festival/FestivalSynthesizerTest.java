package dev.glyphoxa.tts.provider.festival;

import dev.glyphoxa.audio.Pcm;
import dev.glyphoxa.audio.Wav;
import dev.glyphoxa.tts.Sound;
import dev.glyphoxa.tts.provider.SynthesisException;
import dev.glyphoxa.tts.provider.UnknownVoiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Festival with the HTS slt voice (scripts/install-speech-deps.sh). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FestivalSynthesizerTest {

    private FestivalSynthesizer festival;

    @BeforeAll
    void start() {
        festival = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults());
        festival.start();
    }

    @AfterAll
    void stop() {
        festival.close();
    }

    static void assertSpeech(Wav.Clip clip, int words) {
        assertThat(clip.sampleRate()).isBetween(8_000, 48_000);
        // between a fast 5 words/s and a slow 1 word/s, plus leading and trailing pauses
        assertThat(clip.seconds()).isBetween(words / 5.0, words / 1.0 + 1.0);
        assertThat(Pcm.rms(clip.samples())).isGreaterThan(300);
        assertThat(Sound.voicedShare(clip.samples(), clip.sampleRate(), 300)).isGreaterThan(0.4);
    }

    @Test
    void speaksASentenceWithEnergyAndAPlausibleLength() {
        String text = "The innkeeper poured a mug of ale and smiled at the weary travellers.";
        long t0 = System.nanoTime();
        Wav.Clip clip = festival.synthesize(text, "slt");
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("festival slt: %d words -> %.2f s audio in %.0f ms, RTF %.3f%n", 12, clip.seconds(), ms,
                ms / 1000 / clip.seconds());
        assertSpeech(clip, 12);
    }

    @Test
    void twoSentencesGoThroughTheSameLongLivedProcess() {
        long pid = festival.processIds().getFirst();
        assertThat(pid).isPositive();
        assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command())).hasValueSatisfying(c -> assertThat(c).contains("festival"));

        Wav.Clip first = festival.synthesize("Welcome to the Prancing Pony.", "slt");
        Wav.Clip second = festival.synthesize("Mind the troll under the bridge, it bites.", "slt");

        assertSpeech(first, 5);
        assertSpeech(second, 8);
        assertThat(festival.processIds()).containsExactly(pid);
    }

    @Test
    void restartsTheProcessAfterItIsKilled() throws Exception {
        try (FestivalSynthesizer own = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults())) {
            assertSpeech(own.synthesize("First we speak.", "slt"), 3);
            long pid = own.processIds().getFirst();
            ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(10, TimeUnit.SECONDS);

            assertSpeech(own.synthesize("And after a crash we speak again.", "slt"), 7);
            long restarted = own.processIds().getFirst();
            assertThat(restarted).isPositive().isNotEqualTo(pid);
        }
    }

    @Test
    void aProcessKilledWhileSpeakingIsReplacedAndTheSentenceStillSpoken() throws Exception {
        try (FestivalSynthesizer own = new FestivalSynthesizer(FestivalSynthesizer.Settings.defaults())) {
            own.start();
            long pid = own.processIds().getFirst();
            String longText = "Long ago, before the mountains had names, the dwarves of the deep halls forged a crown "
                    + "of starlight and iron, and every king who wore it heard the voices of the stone speak of "
                    + "gold, of fire, and of the slow patient ruin that waits beneath every throne.";
            // whether the kill lands before or during the request, the caller must get the whole sentence
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    return;
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            });
            Wav.Clip clip = own.synthesize(longText, "slt");
            killer.join();
            assertSpeech(clip, 47);
            assertThat(own.processIds().getFirst()).isPositive().isNotEqualTo(pid);
        }
    }

    @Test
    void quotesParenthesesAndSchemeInjectionAreSpokenSafely(@TempDir Path dir) {
        long pid = festival.processIds().getFirst();
        Path pwned = dir.resolve("pwned");
        List<String> hostile = List.of(
                "He said \"stop\" (twice) and left.",
                "\") (quit) (\"",
                "Well\\\") (quit) (\\\" then.",
                "\")) (system \"touch " + pwned + "\") ((\" said the goblin.",
                "Line one\n(quit)\nline two.",
                "Caf\u00e9 \u201cquoted\u201d \u2014 and a semicolon; comment");
        for (String text : hostile) {
            Wav.Clip clip = festival.synthesize(text, "slt");
            assertThat(clip.samples().length).as("audio for %s", text).isPositive();
            assertThat(Pcm.rms(clip.samples())).as("energy for %s", text).isGreaterThan(100);
        }
        assertThat(Files.exists(pwned)).isFalse();
        assertThat(festival.processIds()).containsExactly(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    void namedVoicesSoundDifferent() {
        Wav.Clip plain = festival.synthesize("Who goes there?", "slt");
        Wav.Clip deep = festival.synthesize("Who goes there?", "slt-deep");
        Wav.Clip high = festival.synthesize("Who goes there?", "slt-high");
        assertThat(deep.sampleRate()).isLessThan(plain.sampleRate());
        assertThat(high.sampleRate()).isGreaterThan(plain.sampleRate());
        assertSpeech(deep, 3);
        assertSpeech(high, 3);
    }

    @Test
    void blankTextIsAnEmptyClip() {
        assertThat(festival.synthesize("  \n ... ", "slt").samples()).isEmpty();
    }

    @Test
    void unknownVoiceIsRejected() {
        assertThatThrownBy(() -> festival.synthesize("Hello.", "kal"))
                .isInstanceOf(UnknownVoiceException.class).hasMessageContaining("slt-deep");
    }

    @Test
    void missingFestivalIsOneClearLine() {
        var settings = new FestivalSynthesizer.Settings("/nonexistent/festival", "cmu_us_slt_arctic_hts", 1, Duration.ofSeconds(5));
        try (FestivalSynthesizer missing = new FestivalSynthesizer(settings)) {
            assertThatThrownBy(missing::start).isInstanceOf(SynthesisException.class)
                    .hasMessageContaining("scripts/install-speech-deps.sh")
                    .hasMessageContaining("festival is not installed")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void missingVoiceIsOneClearLine() {
        var settings = new FestivalSynthesizer.Settings("festival", "cmu_us_nobody_hts", 1, Duration.ofSeconds(10));
        try (FestivalSynthesizer missing = new FestivalSynthesizer(settings)) {
            assertThatThrownBy(() -> missing.synthesize("Hello.", "slt")).isInstanceOf(SynthesisException.class)
                    .hasMessageContaining("cmu_us_nobody_hts is not installed")
                    .hasMessageContaining("scripts/install-speech-deps.sh")
                    .hasMessageNotContaining("\n");
        }
    }
}
