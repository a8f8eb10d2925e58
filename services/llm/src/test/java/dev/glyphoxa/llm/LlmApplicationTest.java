package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.offline.OfflineResponder;
import dev.glyphoxa.llm.provider.openai.OpenAiResponder;
import dev.glyphoxa.stage.CutTurns;
import dev.glyphoxa.stage.ReadinessCheck;
import dev.glyphoxa.stage.StageTopology;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Micronaut wiring: settings bound from configuration, the responder chosen from them, the topology as a bean. */
class LlmApplicationTest {

    @TempDir
    Path stateDir;

    private static String nowhere() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "127.0.0.1:" + s.getLocalPort(); // nobody listens: Kafka Streams just waits for a broker
        }
    }

    @Test
    void defaultsToTheOfflineResponder() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("glyphoxa.kafka.bootstrap-servers", nowhere(),
                "glyphoxa.kafka.state-dir", stateDir.toString()))) {
            LlmSettings settings = ctx.getBean(LlmSettings.class);
            assertThat(settings.provider()).isEqualTo("offline");
            assertThat(settings.historySize()).isEqualTo(20);
            assertThat(settings.continuationWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(ctx.getBean(Responders.class).primary()).isInstanceOf(OfflineResponder.class);
            assertThat(ctx.getBean(StageTopology.class).applicationId()).isEqualTo("glyphoxa-llm");
            assertThat(ctx.getProperty("micronaut.application.name", String.class)).contains("llm");
            // the cut-turn listener runs from the start and reports in /readyz (not ready: no broker here)
            assertThat(ctx.getBeansOfType(ReadinessCheck.class)).extracting(ReadinessCheck::name)
                    .contains(CutTurns.LISTENER);
            assertThat(ctx.getBeansOfType(ReadinessCheck.class)).filteredOn(c -> c.name().equals(CutTurns.LISTENER))
                    .singleElement().satisfies(c -> assertThat(c.status().ready()).isFalse());
            assertThat(ctx.getBean(CutTurns.class)).isSameAs(ctx.getBean(CutTurns.class));
        }
    }

    @Test
    void anOpenAiCompatibleEndpointIsConfiguredBySettings() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "glyphoxa.kafka.bootstrap-servers", nowhere(),
                "glyphoxa.kafka.state-dir", stateDir.toString(),
                "glyphoxa.llm.provider", "openai",
                "glyphoxa.llm.base-url", "http://127.0.0.1:11434/v1",
                "glyphoxa.llm.model", "llama3.2",
                "glyphoxa.llm.read-timeout", "750ms",
                "glyphoxa.llm.continuation-window", "45s"))) {
            LlmSettings settings = ctx.getBean(LlmSettings.class);
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(settings.continuationWindow()).isEqualTo(Duration.ofSeconds(45));
            Responders responders = ctx.getBean(Responders.class);
            assertThat(responders.primary()).isInstanceOf(OpenAiResponder.class);
            assertThat(((OpenAiResponder) responders.primary()).endpoint().toString())
                    .isEqualTo("http://127.0.0.1:11434/v1/chat/completions");
            assertThat(responders.fallback()).isInstanceOf(OfflineResponder.class);
        }
    }
}
