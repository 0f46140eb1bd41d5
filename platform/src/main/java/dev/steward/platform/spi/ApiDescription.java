package dev.steward.platform.spi;

/**
 * Extension point: the OpenAPI 3 description of a plugin's REST endpoints, merged by the console into
 * {@code /api/openapi.json}. A plugin's endpoints are its {@code @RestController} beans; the console maps them only
 * under {@code /api/<plugin id>/}, refuses them while the plugin is disabled, and authenticates callers with HTTP
 * Basic or an API token scoped to the plugin. The methods check their permissions like any service.
 */
public interface ApiDescription {

    /** A classpath resource (in the plugin's jar) holding an OpenAPI 3 JSON document with {@code paths} and {@code components}. */
    String openApiResource();
}
