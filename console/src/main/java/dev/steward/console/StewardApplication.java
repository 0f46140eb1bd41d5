package dev.steward.console;

import dev.steward.console.backup.BackupCommand;
import dev.steward.console.demo.DemoArguments;
import dev.steward.console.demo.SampleDataLoader;
import dev.steward.platform.PlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.Map;

/**
 * Starts the console. Plugin jars dropped into the plugins directory (next to the console jar, or
 * {@code steward.plugins.dir}) are put on the class path first, so the registry finds them like built-in ones.
 * {@code --steward.command=verify-audit} checks the audit chain and exits instead of serving;
 * {@code --steward.command=backup|restore} backs up or restores the Steward home ({@link BackupCommand}).
 * {@code --demo} (or {@code --steward.demo=true}) fills a fresh install with sample data ({@link SampleDataLoader}) and
 * exits with status 2 when the database already holds real data.
 */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class StewardApplication {

    public static void main(String[] args) {
        if (BackupCommand.isRequested(args)) {
            System.exit(BackupCommand.run(args));
        }
        if (AuditCommand.isRequested(args)) {
            System.exit(AuditCommand.run(createCommand(args).run(args)));
        }
        String[] arguments = DemoArguments.expand(args);
        try {
            create(arguments).run(arguments);
        } catch (RuntimeException e) {
            if (DemoArguments.refusal(e) != null) {
                System.err.println(DemoArguments.refusal(e).getMessage());
                System.exit(2);
            }
            throw e;
        }
    }

    /** The console without its web server and Vaadin, for command-line tools that share its configuration. */
    public static SpringApplication createCommand(String... args) {
        SpringApplication application = create(args);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.autoconfigure.exclude", String.join(",",
                "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                "com.vaadin.flow.spring.VaadinScopesConfig")));
        // a command is not a node: it runs no scheduled jobs (and so sends no mail), whatever the configuration says
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("steward-command", Map.of("steward.jobs.enabled", "false"))));
        return application;
    }

    /** The console application with the drop-in plugin jars on its class path (tests start it this way too). */
    public static SpringApplication create(String... args) {
        ClassLoader classLoader = PluginJars.classLoader(args);
        Thread.currentThread().setContextClassLoader(classLoader);
        SpringApplication application = new SpringApplication(StewardApplication.class);
        application.setResourceLoader(new DefaultResourceLoader(classLoader));
        if (DemoArguments.isDemo(args)) {
            // a demo's personas sign in with the shown password at once; an explicit setting still wins
            application.setDefaultProperties(Map.of("steward.security.mfa.required-roles", ""));
        }
        return application;
    }
}
