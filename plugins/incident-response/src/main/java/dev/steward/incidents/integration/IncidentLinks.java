package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentRow;
import dev.steward.platform.spi.EntityLinkProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents as linked records: a vendor, a system or another module's record shows the incidents that involve it,
 * and can open a new incident already linked to it ({@code incidents?linked-to=type:id}).
 */
@Component
public class IncidentLinks implements EntityLinkProvider {

    public static final String TYPE = "incidents.incident";
    /** The query parameter of the incident list that opens the "log an incident" form linked to a record. */
    public static final String LINKED_TO = "linked-to";

    private final IncidentList incidents;

    IncidentLinks(IncidentList incidents) {
        this.incidents = incidents;
    }

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
        return IncidentPermissions.READ;
    }

    @Override
    public String linkPermission() {
        return IncidentPermissions.WORK;
    }

    @Override
    public Kind kind() {
        return Kind.CASE;
    }

    @Override
    public List<LinkTarget> find(String text, int limit) {
        return incidents.page(new IncidentFilter(text, null, null, null, null, false), IncidentList.SortBy.DISCOVERED, false, 0, limit)
                .stream().map(IncidentLinks::target).toList();
    }

    @Override
    public Map<String, LinkTarget> describe(Collection<String> ids) {
        List<Long> numeric = EntityLinkProvider.numericIds(ids);
        Map<String, LinkTarget> described = new LinkedHashMap<>();
        if (!numeric.isEmpty()) {
            incidents.byIds(numeric).forEach(row -> described.put(Long.toString(row.id()), target(row)));
        }
        return described;
    }

    @Override
    public Optional<String> newLinkedRecordRoute(String fromType, String fromId) {
        if (TYPE.equals(fromType)) {
            return Optional.empty();
        }
        return Optional.of("incidents?" + LINKED_TO + "=" + java.net.URLEncoder.encode(fromType + ":" + fromId, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static LinkTarget target(IncidentRow row) {
        return new LinkTarget(Long.toString(row.id()), row.reference() + " " + row.title(),
                row.type().label() + " · " + row.phase().label(), "incidents/" + row.id());
    }
}
