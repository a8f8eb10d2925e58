package dev.glyphoxa.stt;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FestivalPronouncerTest {

    @Test
    void mapsFestivalSyllablesToArpabetWithoutStress() {
        assertThat(FestivalPronouncer.toArpabet("(((g r ih) 1) ((m y ao) 1))")).isEqualTo("G R IH M Y AO");
        assertThat(FestivalPronouncer.toArpabet("(((ax) 0) ((b aw t) 1))")).isEqualTo("AH B AW T");
        assertThat(FestivalPronouncer.toArpabet("(((b uh) 1) ((ch axr) 0))")).isEqualTo("B UH CH ER");
    }

    @Test
    void realFestivalPronouncesKnownAndUnknownWordsInOneBatch() {
        Map<String, String> p = new FestivalPronouncer("festival", 30_000).pronounce(List.of("about", "vaelith", "o'brien"));
        assertThat(p.get("about")).isEqualTo("AH B AW T");
        assertThat(p.get("vaelith")).startsWith("V EY L");
        assertThat(p).containsKey("o'brien");
        assertThat(TestSpeech.engine().phones()).containsAll(p.values().stream()
                .flatMap(s -> List.of(s.split(" ")).stream()).toList());
    }

    @Test
    void refusesWordsThatCouldBreakTheScript() {
        assertThatThrownBy(() -> new FestivalPronouncer("festival", 30_000).pronounce(List.of("x\") (quit")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFestivalNamesTheInstallScript() {
        assertThatThrownBy(() -> new FestivalPronouncer("/nonexistent/festival", 5_000).verify())
                .hasMessageContaining("scripts/install-speech-deps.sh");
    }
}
