package dev.steward.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The platform's beans on auto-configured jOOQ and a fresh test database (from the testkit), without the console. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlatformConfiguration.class)
public class PlatformTestApplication {
}
