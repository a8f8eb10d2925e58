package dev.glyphoxa.gateway;

import dev.glyphoxa.stage.ReadinessCheck;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/** Ready when a pooled connection to PostgreSQL can be had and answers a validity check. */
@Singleton
public class DatabaseReadiness implements ReadinessCheck {

    private final ConnectionOperations<Connection> connections;

    public DatabaseReadiness(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Status status() {
        try {
            return connections.executeRead(status -> {
                try {
                    return status.getConnection().isValid(2) ? Status.ready("PostgreSQL answers")
                            : Status.notReady("PostgreSQL connection is not valid");
                } catch (SQLException e) {
                    return Status.notReady("PostgreSQL: " + e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            return Status.notReady("PostgreSQL unreachable: " + e.getMessage());
        }
    }
}
