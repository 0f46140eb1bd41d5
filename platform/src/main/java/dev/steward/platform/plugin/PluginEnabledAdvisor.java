package dev.steward.platform.plugin;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The plugin-enabled check, applied by the platform to every public method of a plugin's services (its
 * {@code @Service} and {@code @Component} beans outside {@code ..ui..}), before transactions and method security:
 * a disabled plugin does no work, whoever calls it, and no service method has to remember to ask.
 * <p>
 * Methods of an extension point ({@code DeadlineSource.deadlines}, {@code ScheduledJob.id}) are left out: the
 * registry hands a disabled plugin's contributions only to callers that need them while it is off (the Plugins page,
 * the job list, catalogue usage), and runs nothing of it ({@link ExtensionRegistry#contributions} lists enabled
 * plugins only; jobs run only while their plugin is enabled).
 */
final class PluginEnabledAdvisor extends DefaultPointcutAdvisor {

    PluginEnabledAdvisor(String pluginId, ExtensionRegistry registry) {
        super(new ServicePointcut(), (MethodInterceptor) invocation -> {
            registry.requireServing(pluginId);
            return invocation.proceed();
        });
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    /** Whether the platform gates calls to beans of this class: a plugin's services. */
    static boolean isService(Class<?> type) {
        Class<?> user = ClassUtils.getUserClass(type);
        return (user.isAnnotationPresent(Service.class) || user.isAnnotationPresent(Component.class))
                && !(user.getPackageName() + ".").contains(".ui.");
    }

    /** Whether a method is declared by an extension point the class contributes to. */
    static boolean isExtensionMethod(Method method, Class<?> type) {
        for (Class<?> point : ExtensionPoints.ALL) {
            if (point.isAssignableFrom(type) && ReflectionUtils.findMethod(point, method.getName(), method.getParameterTypes()) != null) {
                return true;
            }
        }
        return false;
    }

    private static final class ServicePointcut extends StaticMethodMatcherPointcut {

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass() != Object.class
                    && !isExtensionMethod(method, ClassUtils.getUserClass(targetClass));
        }

        @Override
        public ClassFilter getClassFilter() {
            return PluginEnabledAdvisor::isService;
        }
    }
}
