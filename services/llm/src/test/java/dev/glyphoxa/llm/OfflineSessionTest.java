package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.glyphoxa.llm.LlmDriver.S;

/**
 * Base of the tests that talk to one started session ({@link LlmDriver#S}) answered by the offline responder,
 * whose requests are recorded; the llm stage's clock stands still.
 */
abstract class OfflineSessionTest {

    @TempDir
    Path stateDir;

    RecordingResponder responder;
    LlmDriver llm;

    @BeforeEach
    void openSession() {
        responder = new RecordingResponder(new OfflineResponder());
        llm = new LlmDriver(stateDir, new Responders(responder, responder), () -> 4_242L);
        llm.start(S);
    }

    @AfterEach
    void closeDriver() {
        llm.close();
    }
}
