package dev.steward.console.api;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.spi.ApiDescription;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 description of the console's API: the platform's endpoints and those
 * of every enabled plugin ({@link ApiDescription}), with both ways to authenticate.
 */
@RestController
class OpenApiDocument {

    private static final String BASE = "/openapi/platform.json";

    private final ExtensionRegistry registry;
    private final ObjectMapper json;

    OpenApiDocument(ExtensionRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @GetMapping(value = "/api/openapi.json", produces = "application/json")
    JsonNode document() {
        ObjectNode document = (ObjectNode) read(OpenApiDocument.class, BASE);
        ObjectNode paths = (ObjectNode) document.get("paths");
        ObjectNode schemas = (ObjectNode) document.get("components").get("schemas");
        registry.startedContributions(ApiDescription.class).forEach((pluginId, descriptions) -> {
            if (!registry.isEnabled(pluginId)) {
                return;
            }
            for (ApiDescription description : descriptions) {
                JsonNode fragment = read(description.getClass(), description.openApiResource());
                fragment.path("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
                fragment.path("components").path("schemas").properties().forEach(e -> schemas.set(e.getKey(), e.getValue()));
            }
        });
        return document;
    }

    private JsonNode read(Class<?> owner, String resource) {
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI resource " + resource + " not found next to " + owner.getName());
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
