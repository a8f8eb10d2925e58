package dev.glyphoxa.gateway;

import java.sql.SQLException;

/**
 * Recognises the PostgreSQL refusals the services turn into 409s. The constraint, not a prior SELECT, is what
 * decides under concurrent requests, so its refusal must be read from the exception.
 */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    public static boolean isForeignKeyViolation(Throwable e) {
        return hasState(e, FOREIGN_KEY_VIOLATION);
    }

    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
