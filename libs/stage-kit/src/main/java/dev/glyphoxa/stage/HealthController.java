package dev.glyphoxa.stage;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes-style probes: liveness says the process runs, readiness that every dependency is usable. */
@Controller
public class HealthController {

    private final List<ReadinessCheck> checks;

    public HealthController(List<ReadinessCheck> checks) {
        this.checks = checks;
    }

    @Serdeable
    public record Health(String status, Map<String, String> checks) {
    }

    @Get("/healthz")
    public Health live() {
        return new Health("UP", Map.of());
    }

    @Get("/readyz")
    public HttpResponse<Health> ready() {
        Map<String, String> details = new LinkedHashMap<>();
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            ReadinessCheck.Status s = check.status();
            ready &= s.ready();
            details.put(check.name(), (s.ready() ? "UP: " : "DOWN: ") + s.detail());
        }
        Health body = new Health(ready ? "UP" : "DOWN", details);
        return ready ? HttpResponse.ok(body) : HttpResponse.<Health>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
