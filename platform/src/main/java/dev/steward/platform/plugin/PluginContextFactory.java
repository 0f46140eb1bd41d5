package dev.steward.platform.plugin;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Starts a plugin's configuration in its own child context of the host: the plugin sees every platform bean, the
 * host sees none of the plugin's, and a plugin that throws while starting takes only itself down.
 */
@Component
public class PluginContextFactory {

    /** @param registry checks, on every call of the plugin's services, that the plugin is enabled */
    public ApplicationContext start(PluginDescriptor descriptor, ApplicationContext host, ExtensionRegistry registry) {
        ClassLoader classLoader = host.getClassLoader();
        Class<?> configuration;
        try {
            configuration = Class.forName(descriptor.configuration(), false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Configuration class " + descriptor.configuration() + " not found", e);
        }
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setParent(host);
        context.setClassLoader(classLoader);
        context.setId("plugin:" + descriptor.id());
        context.setDisplayName("Steward plugin " + descriptor.id());
        if (host instanceof ConfigurableApplicationContext configurable) {
            // the host's conversions (DataSize, Duration) for the plugin's @Value fields too
            context.getBeanFactory().setConversionService(configurable.getBeanFactory().getConversionService());
        }
        context.register(PluginInfrastructure.class, configuration);
        context.registerBean("pluginEnabledAdvisor", PluginEnabledAdvisor.class,
                () -> new PluginEnabledAdvisor(descriptor.id(), registry), definition -> definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE));
        try {
            context.refresh();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }

    /**
     * What every plugin context gets, so {@code @Transactional} and {@code @PreAuthorize} work on plugin beans. Class
     * proxies, so a service stays injectable by its class once the plugin-enabled check wraps it.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    @EnableMethodSecurity(proxyTargetClass = true)
    static class PluginInfrastructure {
    }
}
