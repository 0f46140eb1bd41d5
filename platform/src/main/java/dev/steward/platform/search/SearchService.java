package dev.steward.platform.search;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.platform.spi.SearchProvider.SearchHit;
import dev.steward.platform.spi.SearchProvider.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Global search: asks every enabled plugin's {@link SearchProvider} the user may use, in parallel (each in the
 * caller's security context), and groups the hits by module. A slow or failing provider costs its own group only.
 */
@Service
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(3);

    public record Group(String name, List<SearchHit> hits, String problem) {
    }

    private final ExtensionRegistry registry;

    public SearchService(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** What the user's search looks through: the groups of the providers they may use, e.g. "People". */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.DASHBOARD + "')")
    public List<String> searchedGroups() {
        return usable().stream().map(SearchProvider::group).toList();
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.DASHBOARD + "')")
    public List<Group> search(String text, int limitPerGroup) {
        if (!SearchSql.searchable(text)) {
            return List.of();
        }
        List<SearchProvider> providers = usable();
        SearchQuery query = new SearchQuery(text.trim(), limitPerGroup);
        ExecutorService executor = new DelegatingSecurityContextExecutorService(Executors.newVirtualThreadPerTaskExecutor());
        try {
            List<Future<List<SearchHit>>> futures = providers.stream().map(p -> executor.submit(() -> p.search(query))).toList();
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                Group group = collect(providers.get(i), futures.get(i));
                if (!group.hits().isEmpty() || group.problem() != null) {
                    groups.add(group);
                }
            }
            return groups;
        } finally {
            executor.shutdownNow(); // never wait for a provider that timed out
        }
    }

    private List<SearchProvider> usable() {
        return registry.contributions(SearchProvider.class).stream()
                .filter(p -> CurrentUser.hasPermission(p.requiredPermission())).toList();
    }

    private static Group collect(SearchProvider provider, Future<List<SearchHit>> future) {
        try {
            return new Group(provider.group(), future.get(PROVIDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Group(provider.group(), List.of(), "took too long to answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Group(provider.group(), List.of(), "was interrupted");
        } catch (Exception e) {
            log.error("Search provider {} failed", provider.group(), e.getCause() == null ? e : e.getCause());
            return new Group(provider.group(), List.of(), "could not be searched right now");
        }
    }
}
