package dev.marquee.platform.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pooled DataSource: an embedded SQLite file by default, PostgreSQL when a JDBC URL is set. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(MarqueeProperties props) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("marquee");
        if (props.usesSqlite()) {
            Files.createDirectories(props.dataDir());
            String url = props.databaseUrl() == null || props.databaseUrl().isBlank()
                    ? "jdbc:sqlite:" + props.dataDir().resolve("marquee.db").toAbsolutePath()
                    : props.databaseUrl();
            // WAL lets readers run beside the one writer; busy_timeout waits for the lock instead of failing;
            // IMMEDIATE transactions take the write lock up front so they never deadlock on upgrade.
            String sep = url.contains("?") ? "&" : "?";
            config.setJdbcUrl(url + sep + "journal_mode=WAL&busy_timeout=15000&synchronous=NORMAL"
                    + "&foreign_keys=true&transaction_mode=IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setJdbcUrl(props.databaseUrl());
            config.setUsername(props.databaseUser());
            config.setPassword(props.databasePassword());
            config.setMaximumPoolSize(16);
        }
        return new HikariDataSource(config);
    }
}
