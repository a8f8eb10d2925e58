package dev.glyphoxa.gateway.tenant;

/**
 * Who sent an admin API request, as established by {@link ApiKeyFilter}: the operator, or one tenant. Controllers
 * take it as an argument ({@link CallerBinder}) and pass {@link #tenantId()} to every service call, so no route
 * can reach data without naming the caller's tenant.
 */
public record Caller(String tenantId, boolean operator) {

    static final String ATTRIBUTE = "glyphoxa.caller";

    public static Caller tenant(String tenantId) {
        return new Caller(tenantId, false);
    }

    static Caller operatorCaller() {
        return new Caller(null, true);
    }

    @Override
    public String tenantId() {
        if (operator) {
            throw new IllegalStateException("operator requests act on no tenant of their own");
        }
        return tenantId;
    }
}
