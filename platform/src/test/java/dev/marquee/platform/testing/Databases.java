package dev.marquee.platform.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Real databases for repository tests: a fresh SQLite file and a fresh PostgreSQL schema
 * (127.0.0.1:5432, database test). With CI=true PostgreSQL must be there; elsewhere it is skipped.
 */
public final class Databases {
    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private Databases() {}

    public static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("sqlite"), Arguments.of("postgresql"));
    }

    /** A migrated, empty database of that engine; closed by the caller. */
    public static HikariDataSource open(String engine, Path tempDir) {
        HikariDataSource ds = new HikariDataSource();
        if (engine.equals("sqlite")) {
            ds.setJdbcUrl("jdbc:sqlite:" + tempDir.resolve("test-" + UUID.randomUUID() + ".db")
                    + "?journal_mode=WAL&busy_timeout=15000&foreign_keys=true&transaction_mode=IMMEDIATE");
        } else {
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
            requirePostgres(schema);
            ds.setJdbcUrl(POSTGRES_URL + "?currentSchema=" + schema);
            ds.setUsername(System.getProperty("user.name"));
        }
        ds.setMaximumPoolSize(4);
        migrate(ds);
        return ds;
    }

    public static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    private static void requirePostgres(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, System.getProperty("user.name"), "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("PostgreSQL must be reachable in CI", e);
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432/test is not reachable, skipping: " + e.getMessage());
        }
    }
}
