package dev.steward.incidents.integration;

import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentRow;
import dev.steward.platform.spi.SearchProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** Global search over incident references and titles (trigram index). */
@Component
class IncidentSearch implements SearchProvider {

    private final IncidentList incidents;

    IncidentSearch(IncidentList incidents) {
        this.incidents = incidents;
    }

    @Override
    public String group() {
        return "Incidents";
    }

    @Override
    public String requiredPermission() {
        return IncidentPermissions.READ;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        var filter = new IncidentFilter(query.text(), null, null, null, null, false);
        return incidents.page(filter, IncidentList.SortBy.DISCOVERED, false, 0, query.limit()).stream()
                .map(IncidentSearch::hit).toList();
    }

    private static SearchHit hit(IncidentRow row) {
        return new SearchHit(row.reference() + " " + row.title(),
                row.type().label() + " · " + row.phase().label() + (row.severity() == null ? "" : " · " + row.severity().label()),
                "incidents/" + row.id());
    }
}
