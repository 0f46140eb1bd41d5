package dev.steward.console.ui.search;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.console.ui.shell.ModuleRoles;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.spi.SearchProvider.SearchHit;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/** Results of the global search, grouped by module; only what the user may see. */
@Route("search")
@PageTitle("Search · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.DASHBOARD)
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    static final int HITS_PER_GROUP = 10;
    private final SearchService search;

    public SearchView(SearchService search) {
        this.search = search;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String text = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        removeAll();
        add(new H2(text.isBlank() ? "Search" : "Results for “" + text + "”"));
        if (!SearchSql.searchable(text)) {
            add(new Paragraph("Type at least " + SearchSql.MIN_WORD_LENGTH + " characters in the search box above."));
            return;
        }
        List<SearchService.Group> groups = search.search(text, HITS_PER_GROUP);
        if (groups.isEmpty()) {
            List<String> searched = search.searchedGroups();
            add(new Paragraph(searched.isEmpty()
                    ? "Nothing found: your roles let you search no module and not the people directory. An administrator "
                    + "grants roles under Users."
                    : "Nothing found for “" + text + "” in " + ModuleRoles.list(searched) + ", which is what you may search. "
                    + "Try fewer or shorter words."));
        }
        groups.forEach(this::showGroup);
    }

    private void showGroup(SearchService.Group group) {
        Div section = new Div(new H3(group.name()));
        section.addClassName("steward-search-group");
        if (group.problem() != null) {
            section.add(new Paragraph(group.name() + " " + group.problem() + "."));
        }
        for (SearchHit hit : group.hits()) {
            Anchor link = new Anchor(hit.route(), hit.title());
            Div row = new Div(link);
            if (hit.detail() != null && !hit.detail().isBlank()) {
                Span detail = new Span(" — " + hit.detail());
                detail.getStyle().set("color", "var(--lumo-secondary-text-color)");
                row.add(detail);
            }
            section.add(row);
        }
        if (group.hits().size() == HITS_PER_GROUP) {
            section.add(new Paragraph("Showing the first " + HITS_PER_GROUP + "; refine the search to see others."));
        }
        add(section);
    }
}
