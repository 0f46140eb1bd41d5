package dev.steward.testkit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * Gives every Spring application context started in a test its own fresh database, and drops it when the
 * context closes. Registered in {@code META-INF/spring.factories}, so it applies to every {@code @SpringBootTest}
 * on a classpath that has the testkit. A test that sets {@code spring.datasource.url} itself is left alone, and
 * so is a context started with {@code steward.test.database=none} (the console's own embedded-default tests).
 * <p>
 * The context connects as the database's runtime role (not a superuser, as the console runs), with the server's
 * superuser as its administrative connection ({@code steward.database.admin-url}), so the audit log gets sealed.
 * A test acts as a DBA through {@link TestDatabase#of}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.containsProperty("spring.datasource.url")
                || "none".equals(environment.getProperty("steward.test.database"))
                || context.getParent() != null) {
            return;
        }
        TestDatabase database = TestPostgres.createDatabase();
        environment.getPropertySources().addFirst(new MapPropertySource("steward-test-database",
                new HashMap<>(database.properties())));
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
            if (event.getApplicationContext() == context) {
                database.drop();
            }
        });
    }
}
