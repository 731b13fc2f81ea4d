package dev.marquee.platform.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background jobs in JobRunr, stored in the site's own database, so a job survives a crash and
 * workers on other machines can share the queue.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /** Depends on Flyway so our tables exist before any job runs. */
    @Bean(destroyMethod = "")
    JobScheduler jobScheduler(DataSource dataSource, ApplicationContext context, MarqueeProperties props, Flyway flyway) {
        var server = BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                .andWorkerCount(props.transcodeConcurrency())
                .andPollInterval(Duration.ofSeconds(5));
        return JobRunr.configure()
                .useJsonMapper(new Jackson3JsonMapper())
                .useStorageProvider(SqlStorageProviderFactory.using(dataSource))
                .useJobActivator(context::getBean)
                .useBackgroundJobServer(server)
                .initialize()
                .getJobScheduler();
    }

    @Bean
    JobRunrShutdown jobRunrShutdown(JobScheduler scheduler) {
        return new JobRunrShutdown();
    }

    /** Stops the job server before the DataSource closes. */
    static final class JobRunrShutdown implements AutoCloseable {
        @Override
        public void close() {
            JobRunr.destroy();
        }
    }
}
