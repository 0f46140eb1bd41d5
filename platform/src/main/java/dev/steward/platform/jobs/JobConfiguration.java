package dev.steward.platform.jobs;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;

@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    /** ShedLock on {@code platform.shedlock}, with the database's clock so nodes with skewed clocks agree. */
    @Bean
    LockProvider jobLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("platform.shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    JobRunner jobRunner(LockProvider locks, DSLContext dsl, ExtensionRegistry registry, PermissionCatalog permissions,
                        @Value("${steward.node:}") String node) {
        return new JobRunner(locks, dsl, registry, permissions, node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node);
    }
}
