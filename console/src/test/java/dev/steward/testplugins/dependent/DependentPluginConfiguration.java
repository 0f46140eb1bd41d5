package dev.steward.testplugins.dependent;

import org.springframework.context.annotation.Configuration;

@Configuration
public class DependentPluginConfiguration {
}
