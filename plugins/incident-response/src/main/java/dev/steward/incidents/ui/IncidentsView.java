package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.incidents.IncidentFilter;
import dev.steward.incidents.IncidentList;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.IncidentRow;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.NoticeDue;
import dev.steward.incidents.Phase;
import dev.steward.incidents.assessment.SeverityBand;
import dev.steward.incidents.integration.IncidentLinks;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkRejectedException;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;

/** All incidents: filter, sort and page in SQL; open one, or log a new one. */
@Route("incidents")
@PageTitle("Incidents · Steward")
@PermitAll
@RequiresPermission(IncidentPermissions.READ)
public class IncidentsView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter: {@code incidents?notices=overdue|due72h|due30d} (the dashboard's notice cards and chart). */
    public static final String NOTICES = "notices";

    final TextField search = new TextField();
    final ComboBox<Phase> phase = new ComboBox<>();
    final ComboBox<SeverityBand> severity = new ComboBox<>();
    final ComboBox<IncidentType> type = new ComboBox<>();
    final Checkbox openOnly = new Checkbox("Open only", true);
    final ComboBox<NoticeDue> notices = new ComboBox<>();
    final Grid<IncidentRow> grid = new Grid<>();
    /** Shown while the list is narrowed to a week of the dashboard's chart; a click clears it. */
    final Button openedFilter = new Button("", VaadinIcon.CLOSE_SMALL.create());
    private OpenedWeek openedWeek;
    final Button log = new Button("Log incident", VaadinIcon.PLUS.create());
    private final IncidentList list;
    private final IncidentService incidents;
    private final EntityLinks links;
    LogIncidentDialog linkedDialog;

    public IncidentsView(IncidentList list, IncidentService incidents, EntityLinks links) {
        this.list = list;
        this.incidents = incidents;
        this.links = links;
        setSizeFull();
        search.setPlaceholder("Reference or title");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        phase.setPlaceholder("Any phase");
        phase.setItems(Phase.values());
        phase.setItemLabelGenerator(Phase::label);
        phase.setClearButtonVisible(true);
        severity.setPlaceholder("Any severity");
        severity.setItems(SeverityBand.values());
        severity.setItemLabelGenerator(SeverityBand::label);
        severity.setClearButtonVisible(true);
        type.setPlaceholder("Any type");
        type.setItems(IncidentType.values());
        type.setItemLabelGenerator(IncidentType::label);
        type.setClearButtonVisible(true);
        notices.setPlaceholder("Any notice");
        notices.setItems(NoticeDue.values());
        notices.setItemLabelGenerator(NoticeDue::label);
        notices.setClearButtonVisible(true);
        notices.setWidth("16em");
        search.addValueChangeListener(e -> refresh());
        notices.addValueChangeListener(e -> noticesChanged(e.getValue()));
        phase.addValueChangeListener(e -> refresh());
        severity.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        openOnly.addValueChangeListener(e -> refresh());

        log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        log.setVisible(CurrentUser.hasPermission(IncidentPermissions.WORK));
        log.addClickListener(e -> logDialog().open());

        openedFilter.setIconAfterText(true);
        openedFilter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        openedFilter.setTooltipText("Show incidents opened in any week");
        openedFilter.setVisible(false);
        openedFilter.addClickListener(e -> openedIn(null));

        FlexLayout filters = new FlexLayout(search, phase, severity, type, notices, openOnly, openedFilter);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(new HorizontalLayout(new H2("Incidents"), log), filters);
        configureGrid();
        add(grid);
    }

    private void configureGrid() {
        // fits a 1366-pixel screen beside the menu: texts wrap (a time over two lines) rather than push columns off-screen
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(IncidentRow::reference).setHeader("Reference").setKey(IncidentList.SortBy.REFERENCE.name()).setSortable(true).setWidth("9em").setFlexGrow(0);
        grid.addColumn(IncidentRow::title).setHeader("Title").setKey(IncidentList.SortBy.TITLE.name()).setSortable(true).setWidth("8em").setFlexGrow(3);
        grid.addColumn(r -> r.type().label()).setHeader("Type").setWidth("7.5em").setFlexGrow(1);
        grid.addColumn(r -> r.phase().label()).setHeader("Phase").setKey(IncidentList.SortBy.PHASE.name()).setSortable(true).setWidth("7em").setFlexGrow(0);
        grid.addColumn(r -> r.severity() == null ? "Not assessed" : r.severity().label()).setHeader("Severity")
                .setKey(IncidentList.SortBy.SEVERITY.name()).setSortable(true).setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(r -> r.assignee() == null ? "" : r.assignee()).setHeader("Assignee")
                .setKey(IncidentList.SortBy.ASSIGNEE.name()).setSortable(true).setWidth("7em").setFlexGrow(0);
        grid.addColumn(r -> DisplayTime.format(r.discoveredAt())).setHeader("Discovered")
                .setKey(IncidentList.SortBy.DISCOVERED.name()).setSortable(true).setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(r -> r.nextDue() == null ? "" : DisplayTime.countdown(r.nextDue(), Instant.now())).setHeader("Next notice due").setWidth("7em").setFlexGrow(0);
        grid.addColumn(IncidentRow::openTasks).setHeader("Open tasks").setWidth("5.5em").setFlexGrow(0);
        grid.setSizeFull();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("incidents/" + e.getItem().id())));
    }

    void refresh() {
        IncidentFilter filter = new IncidentFilter(search.getValue(), phase.getValue(), severity.getValue(), type.getValue(),
                null, openOnly.getValue(), notices.getValue(), openedWeek == null ? null : openedWeek.span(DisplayTime.zone()));
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            IncidentList.SortBy sort = order.map(o -> IncidentList.SortBy.valueOf(o.getSorted())).orElse(IncidentList.SortBy.DISCOVERED);
            boolean ascending = order.map(o -> o.getDirection() == SortDirection.ASCENDING).orElse(false);
            return list.page(filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> list.count(filter));
    }

    /** A notice filter looks at every phase (an overdue notice of a closed incident still counts); "open only" returns with its clearing. */
    private void noticesChanged(NoticeDue value) {
        openOnly.setEnabled(value == null);
        if (value != null && openOnly.getValue()) {
            openOnly.setValue(false);
        } else if (value == null && !openOnly.getValue()) {
            openOnly.setValue(true);
        } else {
            refresh();
        }
    }

    /** Narrows the list to the incidents discovered in {@code week} (whatever their phase now), or widens it again. */
    private void openedIn(OpenedWeek week) {
        openedWeek = week;
        openedFilter.setVisible(week != null);
        openedFilter.setText(week == null ? "" : week.label());
        if (week != null && openOnly.getValue()) {
            openOnly.setValue(false); // refreshes
        } else {
            refresh();
        }
    }

    private LogIncidentDialog logDialog() {
        return new LogIncidentDialog(incidents, created -> getUI().ifPresent(ui -> ui.navigate("incidents/" + created.id())));
    }

    /**
     * {@code incidents?q=...}, {@code incidents?notices=...} and {@code incidents?opened=YYYY-Www} open the list filtered; {@code incidents?linked-to=type:id} also opens the form for a
     * new incident linked to that record (from a vendor's page), or says why it cannot be.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("q").ifPresent(search::setValue);
        parameters.getSingleParameter(NOTICES).ifPresent(value -> NoticeDue.ofParameter(value).ifPresentOrElse(notices::setValue,
                () -> Toasts.error("Unknown notice filter \"" + value + "\": use overdue, due72h or due30d. Showing all open incidents.")));
        parameters.getSingleParameter(OpenedWeek.PARAMETER).ifPresent(value -> OpenedWeek.parse(value).ifPresentOrElse(this::openedIn,
                () -> Toasts.error("Unknown week \"" + value + "\": use a week such as 2026-W49. Showing incidents of every week.")));
        refresh();
        parameters.getSingleParameter(IncidentLinks.LINKED_TO).ifPresent(this::openLinked);
    }

    private void openLinked(String reference) {
        if (!CurrentUser.hasPermission(IncidentPermissions.WORK)) {
            Toasts.error("You may not log incidents");
            return;
        }
        try {
            EntityRef ref = EntityRef.parse(reference);
            EntityLinkProvider provider = links.provider(ref.type())
                    .orElseThrow(() -> new LinkRejectedException("Records of type " + ref.type() + " are unknown or not visible to you"));
            var target = links.describe(ref)
                    .orElseThrow(() -> new LinkRejectedException("No " + provider.label().toLowerCase() + " " + ref.id() + " that you may see"));
            linkedDialog = logDialog();
            linkedDialog.linkTo(ref, provider.label(), target, provider.kind());
            linkedDialog.open();
        } catch (LinkRejectedException rejected) {
            Toasts.error(rejected.getMessage());
        }
    }
}
