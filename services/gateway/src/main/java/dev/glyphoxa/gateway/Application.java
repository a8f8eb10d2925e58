package dev.glyphoxa.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated at compile time and served at {@code /swagger/glyphoxa-admin-api-0.1.yml}. */
@OpenAPIDefinition(
        info = @Info(title = "Glyphoxa admin API", version = "0.1",
                description = "Tenants (operator key), and per tenant (tenant key): campaigns, NPCs, knowledge entities, "
                        + "sessions, transcripts, recaps and feedback."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An operator key for /api/tenants, a tenant's API key for everything else")
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
