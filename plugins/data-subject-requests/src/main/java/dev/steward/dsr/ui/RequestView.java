package dev.steward.dsr.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.clocks.ClockText;
import dev.steward.dsr.clocks.Clocks;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One request: a header with its clock, then one tab per part of the work ({@link RequestTab}). */
@Route("requests/:id")
@PageTitle("Rights request · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.READ)
public class RequestView extends VerticalLayout implements BeforeEnterObserver {

    final H2 heading = new H2();
    final Span status = new Span();
    final Span due = new Span();
    /** Why the due date is what it is (the law's or the company's promise), from the request's clock. */
    final Span dueBasis = new Span();
    final TabSheet tabs = new TabSheet();
    private final RightsRequests requests;
    private final List<RequestTab> contributed;
    private final Clocks clocks;
    RightsRequest request;

    public RequestView(RightsRequests requests, List<RequestTab> contributed, Clocks clocks) {
        this.requests = requests;
        this.clocks = clocks;
        this.contributed = contributed.stream().sorted(Comparator.comparingInt(RequestTab::order)).toList();
        setSizeFull();
        tabs.setSizeFull();
        HorizontalLayout header = new HorizontalLayout(heading, status, due);
        header.setAlignItems(Alignment.BASELINE);
        dueBasis.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(header, dueBasis, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        request = id.matches("\\d{1,18}") ? requests.find(Long.parseLong(id)).orElse(null) : null;
        if (request == null) {
            heading.setText("There is no request " + id);
            tabs.setVisible(false);
            return;
        }
        show();
    }

    void reload() {
        request = requests.find(request.id()).orElseThrow();
        show();
    }

    /** Opens the tab of that label (links and tests name tabs, not positions: plugins add tabs). */
    void selectTab(String label) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equals(label)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
        throw new IllegalArgumentException("No tab " + label);
    }

    private void show() {
        heading.setText(request.reference() + (request.purged() ? "" : " · " + request.requester().name()));
        status.setText(request.open() ? request.status().label() : request.outcome().label());
        var clock = clocks.of(request.id());
        // a legal deadline ends a day in the rule's zone: said as that day there, not as an instant in the user's zone
        String dueDay = clock.map(c -> ClockText.endOfDay(request.dueAt(), c.rule().zone())).orElseGet(() -> DisplayTime.due(request.dueAt()));
        due.setText(request.dueAt() == null ? "" : request.open()
                ? "Due " + dueDay + " (" + DisplayTime.countdown(request.dueAt(), Instant.now()) + ")"
                : "Was due " + dueDay);
        dueBasis.setText(clock.map(dev.steward.dsr.clocks.RequestClock::dueBasis).orElse(""));
        due.getStyle().set("color", request.overdue(Instant.now()) ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
        int selected = Math.max(0, tabs.getSelectedIndex());
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        for (RequestTab tab : contributed) {
            if (tab.visibleFor(request)) {
                tabs.add(tab.label(), tab.create(request, this::reload));
            }
        }
        tabs.setSelectedIndex(Math.min(selected, tabs.getTabCount() - 1));
    }
}
