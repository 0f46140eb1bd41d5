package dev.steward.platform.audit;

import org.jooq.impl.DefaultRecordListenerProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the auditing record listener on the one jOOQ configuration every module shares. */
@Configuration(proxyBeanMethods = false)
class AuditJooqConfiguration {

    @Bean
    DefaultConfigurationCustomizer auditingRecordListener(ObjectProvider<AuditTrail> audit) {
        return configuration -> configuration.set(new DefaultRecordListenerProvider(new AuditingRecordListener(audit)));
    }
}
