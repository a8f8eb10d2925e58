package dev.glyphoxa.vad;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VadSettingsTest {

    private static VadSettings withBargeIn(int bargeInMs, int bargeInGapMs) {
        VadSettings d = VadSettings.defaults();
        return new VadSettings(d.threshold(), d.releaseThreshold(), d.minSpeechMs(), d.hangoverMs(), d.preRollMs(),
                d.chunkMs(), d.maxUtteranceMs(), d.punctuateMs(), d.idleForgetMs(), bargeInMs, bargeInGapMs);
    }

    @Test
    void bargeInDefaults() {
        assertThat(VadSettings.defaults().bargeInMs()).isEqualTo(250);
        assertThat(VadSettings.defaults().bargeInGapMs()).isEqualTo(100);
    }

    @Test
    void bargeInNeedsAPositiveThresholdAndANonNegativeGap() {
        assertThatThrownBy(() -> withBargeIn(0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("barge-in-ms");
        assertThatThrownBy(() -> withBargeIn(-250, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withBargeIn(250, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("barge-in-gap-ms");
        assertThat(withBargeIn(250, 0).bargeInGapMs()).as("0: any unvoiced window breaks the run").isZero();
    }

    @Test
    void theOtherRulesStillHold() {
        VadSettings d = VadSettings.defaults();
        assertThatThrownBy(() -> new VadSettings(0.5f, 0.6f, d.minSpeechMs(), d.hangoverMs(), d.preRollMs(),
                d.chunkMs(), d.maxUtteranceMs(), d.punctuateMs(), d.idleForgetMs(), 250, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release-threshold");
    }
}
