package dev.steward.console.security;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: with a plugin disabled, a direct call of any public method of any of its services is refused by the
 * platform, for a user holding every permission, although no service method checks that itself (the architecture
 * test forbids plugins to call {@code requireEnabled}). Methods of extension points are the registry's to withhold.
 */
class DisabledPluginServiceAttackTest extends PluginServiceTestBase {

    private String plugin;

    @Override
    protected String pluginId() {
        return plugin;
    }

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "reviews", "vendors"})
    void every_service_method_of_a_disabled_plugin_is_refused(String pluginId) throws Exception {
        plugin = pluginId;
        ApplicationContext context = registry.contextOf(pluginId).orElseThrow();
        loginAs("admin-attacker", Role.values());
        List<String> called = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        registry.setEnabled(pluginId, false, "attack-test");
        try {
            for (String name : context.getBeanDefinitionNames()) {
                if (!context.containsLocalBean(name)) {
                    continue;
                }
                Object bean = context.getBean(name);
                Class<?> type = ClassUtils.getUserClass(bean);
                if (!isService(type)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                            || method.isSynthetic() || isExtensionMethod(type, method)) {
                        continue;
                    }
                    called.add(type.getSimpleName() + "." + method.getName());
                    if (!refused(bean, method)) {
                        notRefused.add(type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        } finally {
            registry.setEnabled(pluginId, true, "attack-test");
        }
        assertThat(called).hasSizeGreaterThan(10);
        assertThat(notRefused).isEmpty();
    }

    private static boolean refused(Object bean, Method method) throws IllegalAccessException {
        Object[] args = Arrays.stream(method.getParameterTypes()).map(DisabledPluginServiceAttackTest::anyValue).toArray();
        try {
            method.invoke(bean, args);
            return false;
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof PluginDisabledException;
        }
    }

    private static boolean isService(Class<?> type) {
        return (type.isAnnotationPresent(Service.class) || type.isAnnotationPresent(Component.class))
                && !(type.getPackageName() + ".").contains(".ui.");
    }

    private static boolean isExtensionMethod(Class<?> type, Method method) {
        return ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                .filter(i -> i.getPackageName().startsWith("dev.steward.platform.spi"))
                .anyMatch(i -> ClassUtils.hasMethod(i, method.getName(), method.getParameterTypes()));
    }

    private static Object anyValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
