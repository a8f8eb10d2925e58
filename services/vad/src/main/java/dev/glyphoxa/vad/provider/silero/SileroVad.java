package dev.glyphoxa.vad.provider.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.glyphoxa.vad.provider.VoiceActivityModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Silero VAD v5 (MIT) run with ONNX Runtime: 512-sample windows at 16 kHz, one probability per 32 ms.
 *
 * <p>The model file is packed into the jar at build time ({@code /models/silero_vad_v5.onnx}). One ORT session is
 * shared by every speaker ({@code OrtSession.run} is thread-safe); each speaker's state is the caller's float
 * array: the 2x1x128 recurrent state followed by the last 64 samples of the previous window, which v5 expects in
 * front of each window (input [1, 64 + 512]) — without that context its output fragments.
 */
@Singleton
public final class SileroVad implements VoiceActivityModel {

    public static final String RESOURCE = "/models/silero_vad_v5.onnx";
    public static final int SAMPLE_RATE = 16_000;
    public static final int WINDOW = 512;
    static final int CONTEXT = 64;
    static final int RNN_STATE = 2 * 128;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxTensor sampleRate;

    public SileroVad() {
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // The model is tiny (~0.3 ms per window); extra ORT threads only compete with the stream threads
            // on a small box, and spinning ones burn a core while idle.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = env.createSession(load(), options);
            this.sampleRate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load Silero VAD model " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] load() {
        try (InputStream in = SileroVad.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Silero VAD model " + RESOURCE + " is not on the classpath: build services/vad"
                        + " with Maven (it fetches the model with npm at build time; needs npm and access to the npm registry)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Silero VAD model " + RESOURCE, e);
        }
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int windowSamples() {
        return WINDOW;
    }

    @Override
    public float[] initialState() {
        return new float[RNN_STATE + CONTEXT];
    }

    @Override
    public float speechProbability(short[] window, float[] state) {
        if (window.length != WINDOW) {
            throw new IllegalArgumentException("Silero VAD needs " + WINDOW + "-sample windows, got " + window.length);
        }
        if (state.length != RNN_STATE + CONTEXT) {
            throw new IllegalArgumentException("not a Silero VAD state: " + state.length + " floats, expected " + (RNN_STATE + CONTEXT));
        }
        float[] input = new float[CONTEXT + WINDOW];
        System.arraycopy(state, RNN_STATE, input, 0, CONTEXT);
        for (int i = 0; i < WINDOW; i++) {
            input[CONTEXT + i] = window[i] / 32768f;
        }
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[]{1, CONTEXT + WINDOW});
             OnnxTensor h = OnnxTensor.createTensor(env, FloatBuffer.wrap(state, 0, RNN_STATE), new long[]{2, 1, 128});
             OrtSession.Result result = session.run(Map.of("input", in, "state", h, "sr", sampleRate))) {
            float probability = ((float[][]) value(result, "output").getValue())[0][0];
            FloatBuffer next = ((OnnxTensor) value(result, "stateN")).getFloatBuffer();
            next.get(state, 0, RNN_STATE);
            System.arraycopy(input, WINDOW, state, RNN_STATE, CONTEXT);
            return probability;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
        }
    }

    private static OnnxValue value(OrtSession.Result result, String name) {
        return result.get(name).orElseThrow(() -> new IllegalStateException("Silero VAD model has no output " + name));
    }

    @Override
    @PreDestroy
    public void close() {
        sampleRate.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close Silero VAD session: " + e.getMessage(), e);
        }
    }
}
