package dev.steward.console.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.plugin.PluginDescriptor;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.spi.ui.ViewContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers the plugins' views as routes when Vaadin starts (Vaadin does not scan plugin packages), one plugin at a
 * time: a plugin whose view is invalid or collides with an existing path is marked failed, its other routes are
 * removed, and the console carries on. Each view is also made a prototype bean of the host whose instances are
 * created in the plugin's own context, so plugin views can inject plugin services.
 */
@org.springframework.stereotype.Component
public class PluginRoutes implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PluginRoutes.class);

    private final ExtensionRegistry registry;
    private final ConfigurableApplicationContext host;

    public PluginRoutes(ExtensionRegistry registry, ConfigurableApplicationContext host) {
        this.registry = registry;
        this.host = host;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        registry.startedContributions(ViewContribution.class).forEach((pluginId, contributions) -> {
            if (PluginDescriptor.HOST_ID.equals(pluginId)) {
                return;
            }
            List<Class<? extends Component>> registered = new ArrayList<>();
            try {
                ApplicationContext pluginContext = registry.contextOf(pluginId).orElseThrow();
                for (ViewContribution contribution : contributions) {
                    for (Class<? extends Component> view : contribution.views()) {
                        register(routes, view, pluginContext);
                        registered.add(view);
                        registry.claim(view, pluginId);
                    }
                }
            } catch (RuntimeException e) {
                registered.forEach(routes::removeRoute);
                log.error("Plugin {}: its views could not be registered", pluginId, e);
                registry.markFailed(pluginId, "Views could not be registered: " + e.getMessage());
            }
        });
    }

    private void register(RouteConfiguration routes, Class<? extends Component> view, ApplicationContext pluginContext) {
        Route route = view.getAnnotation(Route.class);
        if (route == null) {
            throw new IllegalStateException(view.getName() + " has no @Route");
        }
        if (view.getAnnotation(RequiresPermission.class) == null) {
            throw new IllegalStateException(view.getName() + " has no @RequiresPermission");
        }
        // isPathAvailable means "a view is registered at this path"
        if (routes.isPathAvailable(route.value())) {
            throw new IllegalStateException("The path '/" + route.value() + "' of " + view.getName()
                    + " is already taken by " + routes.getRoute(route.value()).map(Class::getName).orElse("another view"));
        }
        String beanName = "pluginView:" + view.getName();
        var beanFactory = (ConfigurableListableBeanFactory) host.getBeanFactory();
        if (!beanFactory.containsBeanDefinition(beanName)) {
            RootBeanDefinition definition = new RootBeanDefinition(view);
            definition.setScope(RootBeanDefinition.SCOPE_PROTOTYPE);
            definition.setInstanceSupplier(() -> pluginContext.getAutowireCapableBeanFactory().createBean(view));
            ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(beanName, definition);
        }
        routes.setAnnotatedRoute(view);
    }
}
