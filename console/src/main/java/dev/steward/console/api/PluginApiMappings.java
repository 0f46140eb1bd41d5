package dev.steward.console.api;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginDescriptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the plugins' {@code @RestController} beans (Spring MVC sees only the host's): each plugin's endpoints must lie
 * under {@code /api/<plugin id>/}, a plugin that breaks this is marked failed (its other endpoints removed), and a
 * disabled plugin's endpoints answer 503 without running.
 */
@Component
@ConditionalOnWebApplication
class PluginApiMappings extends RequestMappingHandlerMapping {

    private static final Logger log = LoggerFactory.getLogger(PluginApiMappings.class);

    private final ExtensionRegistry registry;
    private final Map<Object, String> pluginOfHandler = new HashMap<>();
    private String registering;
    private final List<RequestMappingInfo> registeredForPlugin = new ArrayList<>();

    PluginApiMappings(ExtensionRegistry registry) {
        this.registry = registry;
        setOrder(1);
        setInterceptors(new DisabledPluginInterceptor());
    }

    /** The host's own controllers belong to the standard mapping. */
    @Override
    protected boolean isHandler(Class<?> beanType) {
        return false;
    }

    @EventListener
    void onStarted(ContextRefreshedEvent event) {
        if (event.getApplicationContext() != obtainApplicationContext()) {
            return; // a plugin's child context
        }
        registry.plugins().forEach(plugin -> registry.contextOf(plugin.id()).ifPresent(context -> {
            if (!PluginDescriptor.HOST_ID.equals(plugin.id())) {
                register(plugin.id(), context);
            }
        }));
    }

    private synchronized void register(String pluginId, ApplicationContext context) {
        registering = pluginId;
        registeredForPlugin.clear();
        try {
            // only the plugin's own beans: getBeansWithAnnotation does not look into the host context
            for (Object controller : context.getBeansWithAnnotation(RestController.class).values()) {
                pluginOfHandler.put(controller, pluginId);
                detectHandlerMethods(controller);
            }
        } catch (RuntimeException e) {
            registeredForPlugin.forEach(this::unregisterMapping);
            log.error("Plugin {}: its API could not be mapped", pluginId, e);
            registry.markFailed(pluginId, "API could not be mapped: " + e.getMessage());
        } finally {
            registering = null;
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        String prefix = "/api/" + registering + "/";
        for (String pattern : mapping.getPatternValues()) {
            if (!pattern.startsWith(prefix)) {
                throw new IllegalStateException("Endpoint " + pattern + " of " + method.getDeclaringClass().getName()
                        + " lies outside " + prefix);
            }
        }
        super.registerHandlerMethod(handler, method, mapping);
        registeredForPlugin.add(mapping);
    }

    private class DisabledPluginInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            if (handler instanceof HandlerMethod method) {
                String pluginId = pluginOfHandler.get(method.getBean());
                if (pluginId != null && !registry.isEnabled(pluginId)) {
                    MachineClients.writeJson(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "The plugin " + pluginId + " is disabled");
                    return false;
                }
            }
            return true;
        }
    }
}
