package dev.steward.platform.jobs;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    /**
     * ShedLock on {@code platform.shedlock}, with the database's clock so nodes with skewed clocks agree. The locks of a
     * running job are renewed every half lock time ({@code steward.jobs.lock-time}, default a minute), so a job may run
     * longer than that, and a node that dies mid-job leaves its job locked at most that long. ShedLock renews no lock
     * time under 30 s: such a short one (tests) is not renewed.
     */
    @Bean
    LockProvider jobLockProvider(DataSource dataSource, LockKeeper keeper, @Value("${steward.jobs.lock-time:PT1M}") Duration lockTime) {
        JdbcTemplateLockProvider database = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("platform.shedlock")
                .usingDbTime()
                .build());
        return lockTime.compareTo(Duration.ofSeconds(30)) < 0 ? database : new KeepAliveLockProvider(database, keeper.executor);
    }

    @Bean
    LockKeeper jobLockKeeper() {
        return new LockKeeper();
    }

    @Bean
    JobRunner jobRunner(LockProvider locks, DSLContext dsl, ExtensionRegistry registry, PermissionCatalog permissions,
                        @Value("${steward.node:}") String node, @Value("${steward.jobs.lock-time:PT1M}") Duration lockTime) {
        return new JobRunner(locks, dsl, registry, permissions, node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node,
                lockTime);
    }

    /** The thread that renews running jobs' locks (not a bean of executor type, which Spring's scheduling might pick up). */
    static final class LockKeeper implements AutoCloseable {
        final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("steward-job-locks").factory());

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
