package dev.steward.reviews.triggers;

import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.reviews.ReviewPermissions;
import org.springframework.context.annotation.Bean;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Incidents as another module would offer them for links (a host bean here: the access-review module's tests run without
 * the incident plugin, and the review plugin never reads it anyway): a case kind of record, "INC-<id> Laptop stolen".
 */
class TestIncidents { // no @TestConfiguration: the plugin's component scan would pick it up in every test context

    static final String TYPE = "test.incident";

    @Bean
    EntityLinkProvider testIncidents() {
        return new EntityLinkProvider() {
            @Override
            public String type() {
                return TYPE;
            }

            @Override
            public String label() {
                return "Incident";
            }

            @Override
            public String requiredPermission() {
                return ReviewPermissions.READ;
            }

            @Override
            public String linkPermission() {
                return ReviewPermissions.ADMIN;
            }

            @Override
            public Kind kind() {
                return Kind.CASE;
            }

            @Override
            public List<LinkTarget> find(String text, int limit) {
                return List.of();
            }

            @Override
            public Map<String, LinkTarget> describe(Collection<String> ids) {
                return EntityLinkProvider.numericIds(ids).stream().map(String::valueOf).collect(Collectors.toMap(id -> id,
                        id -> new LinkTarget(id, "INC-" + id + " Laptop stolen", "Security incident", "incidents/" + id)));
            }
        };
    }
}
