package dev.steward.console.ui.people;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.steward.platform.files.UploadedFile;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.Person;
import dev.steward.platform.people.PersonFilter;
import dev.steward.platform.people.RowError;
import dev.steward.platform.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

class PeopleUiTest extends KaribuTest {

    static final String HEADER = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n";

    @Autowired
    DSLContext dsl;
    @Autowired
    PeopleDirectory directory;

    private PeopleImportDialog openImport() {
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        return _get(PeopleImportDialog.class);
    }

    /** Waits for the dialog's background work, then lets Vaadin run what it queued with ui.access. */
    private static void finish(PeopleImportDialog dialog) throws Exception {
        dialog.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
    }

    private void importFile(String csv) throws Exception {
        PeopleImportDialog dialog = openImport();
        dialog.check(UploadedFile.copyOf("people.csv", csv.getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        _click(dialog.confirm);
        finish(dialog);
    }

    @Test
    void an_admin_imports_a_file_after_seeing_what_it_changes() throws Exception {
        loginAs("root", Role.ADMIN);
        PeopleImportDialog dialog = openImport();
        dialog.check(UploadedFile.copyOf("staff.csv", (HEADER + "U-1,Grace Hopper,grace@example.org,Admiral,NAVY,,active,1943-01-01,\n"
                + "U-2,Alan Turing,alan@example.org,,MATH,U-1,active,,\n").getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("staff.csv: 2 new, 0 changed, 0 unchanged")
                .contains("New org units: MATH, NAVY.");
        assertThat(dialog.confirm.isEnabled()).isTrue();
        assertThat(dialog.confirm.getText()).isEqualTo("Import 2 changes");
        assertThat(dsl.fetchCount(PERSON, PERSON.EMPLOYEE_ID.in("U-1", "U-2"))).isZero();

        _click(dialog.confirm);
        finish(dialog);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(directory.find(dsl.select(PERSON.ID).from(PERSON).where(PERSON.EMPLOYEE_ID.eq("U-2")).fetchOne().value1())
                .orElseThrow().managerName()).isEqualTo("Grace Hopper");
    }

    @Test
    void a_file_with_errors_lists_them_and_cannot_be_imported() throws Exception {
        loginAs("root", Role.ADMIN);
        PeopleImportDialog dialog = openImport();
        dialog.check(UploadedFile.copyOf("bad.csv", (HEADER + "V-1,Vera,not-an-email,,,,active,,\n").getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("bad.csv cannot be imported; nothing was changed");
        assertThat(dialog.errors.isVisible()).isTrue();
        assertThat(GridKt._size(dialog.errors)).isEqualTo(1);
        assertThat(GridKt._get(dialog.errors, 0)).isEqualTo(new RowError(2, "email", "'not-an-email' is not an email address"));
        assertThat(dialog.confirm.isEnabled()).isFalse();
    }

    @Test
    void a_manager_sees_and_filters_people_but_cannot_edit_or_import() throws Exception {
        loginAs("root", Role.ADMIN);
        importFile(HEADER + "W-1,Wanda Filter,wanda@example.org,,,,active,,\nW-2,Walter Other,,,,,active,,\n");
        logout();
        loginAs("mona", Role.MANAGER);
        UI.getCurrent().navigate(""); // a fresh view: Vaadin keeps the instance when navigating to the same route
        UI.getCurrent().navigate(PeopleView.class);
        PeopleView view = _get(PeopleView.class);
        assertThat(view.add.isVisible()).isFalse();
        assertThat(view.importCsv.isVisible()).isFalse();
        setValue(view.search, "wanda filter");
        @SuppressWarnings("unchecked")
        Grid<Person> grid = view.grid;
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).employeeId()).isEqualTo("W-1");
    }

    @Test
    void a_save_over_someone_elses_change_is_refused_and_keeps_what_was_typed() throws Exception {
        loginAs("root", Role.ADMIN);
        importFile(HEADER + "X-1,Xena Original,,,,,active,,\n");
        Person xena = directory.page(new PersonFilter("X-1", null, null), PeopleDirectory.Sort.NAME, false, 0, 1).getFirst();
        PersonDialog dialog = new PersonDialog(directory, xena, () -> { });
        dialog.open();
        // meanwhile another user renames her
        directory.save(new dev.steward.platform.people.PersonForm(xena.id(), xena.version(), "X-1", "Xena Renamed", null,
                null, null, null, xena.status(), null, null));
        setValue(dialog.fullName, "Xena Mine");
        _click(dialog.save);
        assertThat(dialog.error.getText()).contains("Someone else changed this person");
        assertThat(dialog.fullName.getValue()).isEqualTo("Xena Mine");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(directory.find(xena.id()).orElseThrow().fullName()).isEqualTo("Xena Renamed");
    }
}
