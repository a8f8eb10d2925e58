package dev.glyphoxa.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param tenant         the tenant the admin API acts for until API keys identify tenants
 * @param publishTimeout how long a request waits for Kafka to acknowledge a control event before it fails with 503
 */
@ConfigurationProperties("glyphoxa.gateway")
public record GatewaySettings(
        @Bindable(defaultValue = "local") String tenant,
        @Bindable(defaultValue = "10s") Duration publishTimeout) {
}
