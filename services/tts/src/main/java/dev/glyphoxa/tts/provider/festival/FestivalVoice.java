package dev.glyphoxa.tts.provider.festival;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The named Festival voices NPCs can be given ({@code festival:slt-deep}). All use the one installed voice and
 * differ by speaking rate and by a pitch factor.
 *
 * <p>Festival 2.5's HTS module honours only the speed parameter ({@code -r}); its pitch options are ignored. So
 * pitch is changed afterwards by relabelling the clip's sample rate: played at {@code rate * pitch} the voice
 * moves pitch and formants together, as a smaller or larger speaker would, which tells NPCs apart better than
 * pitch alone. The clip also gets {@code 1/pitch} longer, so Festival is asked for {@code rate / pitch}.
 *
 * @param name  the name after {@code festival:}
 * @param rate  overall speaking rate (1 = as recorded, higher = faster)
 * @param pitch pitch and formant factor (1 = as recorded, lower = deeper and bigger)
 */
public record FestivalVoice(String name, double rate, double pitch) {

    public static final String DEFAULT = "slt";

    private static final Map<String, FestivalVoice> PRESETS = new LinkedHashMap<>();

    static {
        for (FestivalVoice v : new FestivalVoice[]{
                new FestivalVoice(DEFAULT, 1.0, 1.0),
                new FestivalVoice("slt-high", 1.05, 1.12),
                new FestivalVoice("slt-low", 0.95, 0.90),
                new FestivalVoice("slt-deep", 0.92, 0.78),
                new FestivalVoice("slt-old", 0.82, 0.93),
                new FestivalVoice("slt-fast", 1.25, 1.0)}) {
            PRESETS.put(v.name, v);
        }
    }

    public static Optional<FestivalVoice> named(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(PRESETS.keySet());
    }

    /** What Festival must be asked for so that the relabelled clip ends up at {@link #rate}. */
    double festivalSpeed() {
        return rate / pitch;
    }

    /**
     * The sample rate to label Festival's output with. Rounded to a multiple of 400 Hz so it shares a large
     * common divisor with 48 kHz and the polyphase resampler stays small.
     */
    int relabelledRate(int festivalRate) {
        if (pitch == 1.0) {
            return festivalRate;
        }
        return (int) Math.max(400, Math.round(festivalRate * pitch / 400.0) * 400);
    }
}
