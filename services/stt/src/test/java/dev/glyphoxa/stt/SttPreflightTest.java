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

    @Test
    void aCloudProviderNeedsAKeyForItsPublicEndpointButNotTheSpeechEngines() throws Exception {
        SttSettings noEngines = with("/nonexistent/en-us", "libpocketsphinx-missing.so.9");
        var noKey = SttPreflight.problem(noEngines, SttProviderSettings.cloud("deepgram", null, null, null, java.time.Duration.ofSeconds(1)));
        assertThat(noKey).get().asString().contains("glyphoxa.stt.provider=deepgram needs an API key", "GLYPHOXA_STT_API_KEY");
        assertThat(SttPreflight.problem(noEngines, SttProviderSettings.cloud("openai", null, null, "sk-1", java.time.Duration.ofSeconds(1)))).isEmpty();
        assertThat(SttPreflight.problem(noEngines, SttProviderSettings.cloud("openai", "http://127.0.0.1:9/v1", null, null, java.time.Duration.ofSeconds(1)))).isEmpty();
        assertThat(SttPreflight.problem(noEngines, SttProviderSettings.cloud("whisper", null, null, "k", java.time.Duration.ofSeconds(1))))
                .get().asString().contains("unknown glyphoxa.stt.provider 'whisper'");
        SttProviderSettings missingFile = new SttProviderSettings("deepgram", null, null, null, "/nonexistent/key", "en",
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), true, true);
        assertThat(SttPreflight.problem(noEngines, missingFile)).get().asString().contains("cannot read glyphoxa.stt.api-key-file /nonexistent/key");
    }

    @Test
    void providerSettingsComeFromTheApplicationConfiguration() {
        SttProviderSettings p = SttPreflight.providerSettings(new String[]{"--glyphoxa.stt.provider=openai",
                "--glyphoxa.stt.result-timeout=3s", "--glyphoxa.stt.offline-fallback=false"});
        assertThat(p.provider()).isEqualTo("openai");
        assertThat(p.resultTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(p.offlineFallback()).isFalse();
        assertThat(p.baseUrl()).isNull();
        assertThat(SttPreflight.providerSettings(new String[0]).provider()).isEqualTo("pocketsphinx");
    }
}
