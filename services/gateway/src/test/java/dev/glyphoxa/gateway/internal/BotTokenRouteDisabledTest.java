package dev.glyphoxa.gateway.internal;

import dev.glyphoxa.gateway.GatewaySettings;
import dev.glyphoxa.gateway.GatewayStack;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without an internal key the route does not exist: never open, whatever key is sent. */
@MicronautTest(transactional = false)
class BotTokenRouteDisabledTest extends GatewayStack {

    @Test
    void withoutTheSettingEveryRequestIs404() {
        for (String key : new String[] {null, "", OPERATOR_KEY, LOCAL_KEY}) {
            var request = BotTokenRouteTest.get("local");
            if (key != null) {
                request.bearerAuth(key);
            }
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> http.exchange(request, String.class));
            assertThat(e.code()).as("key " + key).isEqualTo(404);
            assertThat(BotTokenRouteTest.body(e)).contains("internal routes are disabled");
        }
    }

    @Test
    void theInternalKeyMayNotBeTheOperatorKey() {
        assertThatThrownBy(() -> new GatewaySettings("same", "same", null, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must differ");
    }
}
