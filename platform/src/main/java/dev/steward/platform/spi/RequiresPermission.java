package dev.steward.platform.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a view needs. The console checks it on every navigation, on the server; a plugin view without it
 * is denied (default deny). Views also carry a Vaadin access annotation ({@code @PermitAll}) for authentication.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {
    String value();
}
