package dev.steward.testplugins.throwing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ThrowingPluginConfiguration {

    @Bean
    Object licenceCheck() {
        throw new IllegalStateException("boom: the licence server is unreachable");
    }
}
