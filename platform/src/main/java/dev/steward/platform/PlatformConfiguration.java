package dev.steward.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import java.util.Arrays;
import java.util.stream.Stream;

/** The platform's beans. The console imports this; so do platform tests and tools. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = PlatformConfiguration.class)
@EnableMethodSecurity
@EnableTransactionManagement
public class PlatformConfiguration {

    /** Nothing touches jOOQ before the platform schema is migrated. */
    @Bean
    static BeanFactoryPostProcessor jooqAfterMigrations() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(org.jooq.DSLContext.class, true, false)) {
                var definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of("schemaMigrator")).toArray(String[]::new));
            }
        };
    }
}
