package dev.steward.dsr.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestFilter;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The request queue, soonest due first. Query parameters pre-set the filter (the dashboard's links):
 * {@code show=all|overdue|awaiting-verification}.
 */
@Route("requests")
@PageTitle("Rights requests · Steward")
@PermitAll
@RequiresPermission(DsrPermissions.READ)
public class RequestsView extends VerticalLayout implements BeforeEnterObserver {

    enum Show {
        OPEN("Open"), OVERDUE("Overdue"), AWAITING_VERIFICATION("Awaiting verification"), ALL("All, closed too");

        final String label;

        Show(String label) {
            this.label = label;
        }
    }

    final Grid<RightsRequest> grid = new Grid<>();
    final TextField text = new TextField();
    final Select<Show> show = new Select<>();
    final Select<RequestType> type = new Select<>();
    final HorizontalLayout actions = new HorizontalLayout();
    private final RightsRequests requests;

    public RequestsView(RightsRequests requests, LogRequestButton logRequest) {
        this.requests = requests;
        setSizeFull();
        text.setPlaceholder("Reference, name or email");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        show.setLabel("Show");
        show.setItems(Show.values());
        show.setItemLabelGenerator(s -> s.label);
        show.setValue(Show.OPEN);
        type.setLabel("Asks for");
        type.setItems(RequestType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Anything");
        type.setItemLabelGenerator(t -> t == null ? "Anything" : t.label());
        text.addValueChangeListener(e -> refresh());
        show.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());

        Instant now = Instant.now();
        grid.addColumn(RightsRequest::reference).setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.purged() ? "(personal data purged)" : r.requester().name()).setHeader("Requester").setWidth("11rem").setFlexGrow(1)
                .setTooltipGenerator(r -> r.purged() ? "" : r.requester().name());
        grid.addColumn(r -> r.types().stream().sorted(Comparator.naturalOrder()).map(RequestType::label).collect(Collectors.joining(", ")))
                .setHeader("Asks for").setWidth("12rem").setFlexGrow(2).setTooltipGenerator(r -> r.types().stream().map(RequestType::description).collect(Collectors.joining("; ")));
        grid.addColumn(r -> r.regime().shortLabel()).setHeader("Law").setAutoWidth(true).setTooltipGenerator(r -> r.regime().label());
        grid.addColumn(r -> r.open() ? r.status().label() : r.outcome().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> DisplayTime.date(r.receivedAt())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(r -> r.dueAt() == null ? "" : r.open() ? DisplayTime.countdown(r.dueAt(), now) : DisplayTime.date(r.dueAt()))
                .setHeader("Due").setAutoWidth(true);
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(RequestView.class,
                new com.vaadin.flow.router.RouteParameters("id", String.valueOf(e.getItem().id())))));

        FlexLayout filters = new FlexLayout(text, show, type);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        actions.add(logRequest);
        HorizontalLayout header = new HorizontalLayout(new H2("Rights requests"), actions);
        header.setAlignItems(Alignment.BASELINE);
        add(header, filters, grid);
    }

    RequestFilter filter() {
        RequestFilter base = switch (show.getValue()) {
            case OPEN -> RequestFilter.OPEN;
            case OVERDUE -> RequestFilter.OPEN.overdue();
            case AWAITING_VERIFICATION -> RequestFilter.OPEN.withStatus(dev.steward.dsr.requests.RequestStatus.AWAITING_VERIFICATION);
            case ALL -> RequestFilter.ALL;
        };
        return base.withType(type.getValue()).withText(text.getValue());
    }

    void refresh() {
        RequestFilter filter = filter();
        grid.setItems(query -> requests.page(filter, query.getOffset(), query.getLimit()).stream(), query -> requests.count(filter));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("show").ifPresent(v -> {
            switch (v) {
                case "all" -> show.setValue(Show.ALL);
                case "overdue" -> show.setValue(Show.OVERDUE);
                case "awaiting-verification" -> show.setValue(Show.AWAITING_VERIFICATION);
                default -> show.setValue(Show.OPEN);
            }
        });
        refresh();
    }
}
