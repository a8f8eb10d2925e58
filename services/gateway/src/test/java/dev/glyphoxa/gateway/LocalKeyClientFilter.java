package dev.glyphoxa.gateway;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Test clients act as tenant {@code local} by default. A test that wants another caller sets its own
 * Authorization header; {@link #NONE} sends none at all.
 */
@ClientFilter("/api/**")
public class LocalKeyClientFilter {

    public static final String NONE = "none";

    @RequestFilter
    public void addKey(MutableHttpRequest<?> request) {
        String given = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (given == null) {
            request.bearerAuth(GatewayStack.LOCAL_KEY);
        } else if (NONE.equals(given)) {
            request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
        }
    }
}
