package dev.steward.platform.spi;

import java.util.List;

/**
 * Extension point: global search over a module's records. Called only for users holding
 * {@link #requiredPermission()} and only while the plugin is enabled; the provider must still apply its own
 * data-level rules (a manager sees only their own reviews). Keep it fast on large tables: use
 * {@link dev.steward.platform.search.SearchSql} (trigram indexes), never an unindexed {@code LIKE '%x%'}.
 */
public interface SearchProvider {

    /** The heading the results are grouped under, e.g. "People" or "Incidents". */
    String group();

    String requiredPermission();

    /** At most {@code query.limit()} hits, best first. */
    List<SearchHit> search(SearchQuery query);

    record SearchQuery(String text, int limit) {
    }

    /**
     * @param route the console route of the record, e.g. {@code people/42}
     */
    record SearchHit(String title, String detail, String route) {
    }
}
