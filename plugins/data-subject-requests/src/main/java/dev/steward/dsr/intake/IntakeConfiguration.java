package dev.steward.dsr.intake;

import dev.steward.platform.spi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake API's OpenAPI description, merged by the console into {@code /api/openapi.json}. */
@Configuration
class IntakeConfiguration {

    @Bean
    ApiDescription dsrIntakeApi() {
        return () -> "/openapi/dsr.json";
    }
}
