package dev.steward.testkit.console;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The console as a test's application: {@code @SpringBootTest(classes = ConsoleTestApplication.class)} starts the real
 * console (its security, routes, platform services and every plugin on the test classpath) on a fresh database. The
 * console's application class is imported by name, so that this kit depends on the platform API only and the console
 * itself can use it for its own tests (a dependency on the console would be a cycle).
 */
@SpringBootConfiguration
@Import(ConsoleTestApplication.Console.class)
public class ConsoleTestApplication {

    static final String CONSOLE_APPLICATION = "dev.steward.console.StewardApplication";

    static final class Console implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            try {
                Class.forName(CONSOLE_APPLICATION, false, ConsoleTestApplication.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The console is not on the test classpath: add dev.steward:steward-console"
                        + " as a test dependency", e);
            }
            return new String[] {CONSOLE_APPLICATION};
        }
    }
}
