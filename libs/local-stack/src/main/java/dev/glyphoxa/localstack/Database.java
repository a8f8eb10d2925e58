package dev.glyphoxa.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL: the embedded one (binaries from Maven jars, free port) unless an external JDBC URL is
 * given, in which case that database is used as it is.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
    }

    /** Starts an embedded PostgreSQL in {@code workDir} and creates database {@code name}. */
    public static Database embedded(Path workDir, String name) throws IOException {
        Path dataDir = Files.createDirectories(workDir.resolve("postgres"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(FreePorts.next())
                .setDataDirectory(dataDir.resolve("data"))
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("bin")).toFile())
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            pg.close();
            throw new IOException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        String url = pg.getJdbcUrl("postgres", name);
        LOG.info("PostgreSQL ready at {}", url);
        return new Database(pg, url, "postgres", "postgres");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
