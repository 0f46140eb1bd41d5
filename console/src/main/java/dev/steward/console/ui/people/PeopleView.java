package dev.steward.console.ui.people;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.OrgUnit;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.people.Person;
import dev.steward.platform.people.PersonFilter;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

/** The people directory: filter, sort, page through people; edit, import and export for those who may. */
@Route("people")
@PageTitle("People · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.PEOPLE_READ)
public class PeopleView extends VerticalLayout implements BeforeEnterObserver {

    final TextField search = new TextField();
    final ComboBox<EmploymentStatus> status = new ComboBox<>();
    final ComboBox<OrgUnit> orgUnit = new ComboBox<>();
    final Grid<Person> grid = new Grid<>();
    final Button add = new Button("Add person", VaadinIcon.PLUS.create());
    final Button importCsv = new Button("Import CSV", VaadinIcon.UPLOAD.create());
    private final PeopleDirectory directory;
    private final boolean canEdit = CurrentUser.hasPermission(PlatformPermissions.PEOPLE_MANAGE);

    public PeopleView(PeopleDirectory directory, PeopleImport people) {
        this.directory = directory;
        setSizeFull();
        search.setPlaceholder("Name, employee id or email");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        status.setPlaceholder("Any status");
        status.setItems(EmploymentStatus.values());
        status.setItemLabelGenerator(EmploymentStatus::label);
        status.setClearButtonVisible(true);
        orgUnit.setPlaceholder("Any org unit");
        orgUnit.setItems(directory.orgUnits());
        orgUnit.setItemLabelGenerator(o -> o.code() + " · " + o.name());
        orgUnit.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        orgUnit.addValueChangeListener(e -> refresh());

        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> new PersonDialog(directory, null, this::refresh).open());
        importCsv.addClickListener(e -> new PeopleImportDialog(people, this::refresh).open());
        add.setVisible(canEdit);
        importCsv.setVisible(canEdit);

        FlexLayout filters = new FlexLayout(search, status, orgUnit);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        HorizontalLayout actions = new HorizontalLayout(add, importCsv, exportLink(directory));
        add(new H2("People"), filters, actions);
        configureGrid();
        add(grid);
    }

    private Anchor exportLink(PeopleDirectory directory) {
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName("people.csv");
            event.setContentType("text/csv; charset=UTF-8");
            directory.exportCsv(event.getOutputStream());
        }, "Export CSV");
        export.setId("people-export");
        return export;
    }

    private void configureGrid() {
        grid.addColumn(Person::employeeId).setHeader("Employee id").setKey("EMPLOYEE_ID").setSortable(true).setAutoWidth(true);
        grid.addColumn(Person::fullName).setHeader("Name").setKey("NAME").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.email() == null ? "" : p.email()).setHeader("Email").setAutoWidth(true);
        grid.addColumn(p -> p.title() == null ? "" : p.title()).setHeader("Title").setAutoWidth(true);
        grid.addColumn(p -> p.orgUnitCode() == null ? "" : p.orgUnitCode()).setHeader("Org unit").setKey("ORG_UNIT").setSortable(true);
        grid.addColumn(p -> p.managerName() == null ? "" : p.managerName()).setHeader("Manager").setAutoWidth(true);
        grid.addColumn(p -> p.status().label()).setHeader("Status").setKey("STATUS").setSortable(true);
        grid.addColumn(p -> p.startDate() == null ? "" : p.startDate().toString()).setHeader("Start").setKey("START_DATE").setSortable(true);
        grid.addColumn(p -> p.endDate() == null ? "" : p.endDate().toString()).setHeader("End");
        grid.setSizeFull();
        if (canEdit) {
            grid.addItemClickListener(e -> new PersonDialog(directory, e.getItem(), this::refresh).open());
        }
    }

    void refresh() {
        PersonFilter filter = new PersonFilter(search.getValue(), status.getValue(),
                orgUnit.getValue() == null ? null : orgUnit.getValue().id());
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            PeopleDirectory.Sort sort = order.map(o -> PeopleDirectory.Sort.valueOf(o.getSorted())).orElse(PeopleDirectory.Sort.NAME);
            boolean descending = order.map(o -> o.getDirection() == SortDirection.DESCENDING).orElse(false);
            return directory.page(filter, sort, descending, query.getOffset(), query.getLimit()).stream();
        }, query -> directory.count(filter));
    }

    /** {@code people?q=...} opens the directory filtered, e.g. from a search hit. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(search::setValue);
        refresh();
    }
}
