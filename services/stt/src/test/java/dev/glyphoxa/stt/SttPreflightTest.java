package dev.glyphoxa.stt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SttPreflightTest {

    static SttSettings with(String model, String library) {
        SttSettings d = SttSettings.defaults();
        return new SttSettings(model, d.languageModel(), d.dictionary(), library, d.sphinxbaseLibrary(), d.decoderLog(),
                d.festival(), d.festivalTimeoutMs(), d.idleDecoders(), d.warmDecoders(), d.abandonAfterMs(), d.sweepIntervalMs());
    }

    @Test
    void installedEnginesPass() {
        assertThat(SttPreflight.problem(SttSettings.defaults())).isEmpty();
    }

    @Test
    void aMissingModelOrLibraryIsOneLineNamingTheInstallScript() {
        var model = SttPreflight.problem(with("/nonexistent/en-us", SttSettings.defaults().library()));
        assertThat(model).get().asString().contains("/nonexistent/en-us").contains("scripts/install-speech-deps.sh").doesNotContain("\n");
        var library = SttPreflight.problem(with(SttSettings.defaults().acousticModel(), "libpocketsphinx-missing.so.9"));
        assertThat(library).get().asString().contains("libpocketsphinx-missing.so.9").contains("scripts/install-speech-deps.sh").doesNotContain("\n");
    }

    @Test
    void settingsComeFromTheApplicationConfiguration() {
        SttSettings s = SttPreflight.settings(new String[]{"--glyphoxa.stt.acoustic-model=/elsewhere/en-us"});
        assertThat(s.acousticModel()).isEqualTo("/elsewhere/en-us");
        assertThat(s.dictionary()).isEqualTo(SttSettings.defaults().dictionary());
    }
}
