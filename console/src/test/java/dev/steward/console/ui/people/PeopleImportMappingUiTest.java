package dev.steward.console.ui.people;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.HrDateFormat;
import dev.steward.platform.people.HrPreset;
import dev.steward.platform.people.PeopleColumnMapping.Field;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/** The import dialog with an HR export: preset and columns proposed, changed by the user, checked, imported, remembered. */
class PeopleImportMappingUiTest extends KaribuTest {

    static final String BAMBOOHR = "\uFEFFEmployee #,First Name,Last Name,Preferred Name,Work Email,Job Title,Department,Division,"
            + "Reports To,Supervisor EID,Employment Status,Status,Hire Date,Termination Date\n"
            + "UI-1,Elizabeth,Warren,Liz,liz@acme.example,CEO,Executive,Corporate,,,Full-Time,Active,03/01/2014,\n"
            + "UI-2,Marcus,Johnson,,marcus@acme.example,\"VP, Engineering\",Engineering,R&D,\"Warren, Elizabeth\",UI-1,"
            + "Leave of Absence,Active,06/15/2015,\n"
            + "\n"
            + "UI-3,Carla,Mendes,,N/A,QA Engineer,Engineering,R&D,\"Johnson, Marcus\",UI-2,Terminated,Inactive,05/11/2020,07/14/2023\n";

    @Autowired
    DSLContext dsl;

    private PeopleImportDialog upload() throws Exception {
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        PeopleImportDialog dialog = _get(PeopleImportDialog.class);
        dialog.check(UploadedFile.copyOf("bamboo.csv", BAMBOOHR.getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        return dialog;
    }

    private static void finish(PeopleImportDialog dialog) throws Exception {
        dialog.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void an_hr_export_is_mapped_checked_imported_and_its_mapping_offered_again() throws Exception {
        loginAs("root", Role.ADMIN);
        PeopleImportDialog dialog = upload();
        assertThat(dialog.mappingPanel.isOpened()).isTrue();
        assertThat(dialog.preset.getValue()).isEqualTo(HrPreset.BAMBOOHR);
        assertThat(dialog.preset.getItemLabelGenerator().apply(HrPreset.BAMBOOHR)).isEqualTo("BambooHR employee report");
        assertThat(dialog.proposal.getText()).isEqualTo("Proposed for this file's header: BambooHR employee report. Check each column.");
        assertThat(dialog.dateFormat.getValue()).isEqualTo(HrDateFormat.US);
        assertThat(dialog.columns.get(Field.EMPLOYEE_ID).getValue()).isEqualTo("Employee #");
        assertThat(dialog.columns.get(Field.FULL_NAME).getValue()).isNull();
        assertThat(dialog.columns.get(Field.PREFERRED_NAME).getValue()).isEqualTo("Preferred Name");
        assertThat(dialog.columns.get(Field.MANAGER_ID).getValue()).isEqualTo("Supervisor EID");
        assertThat(GridKt._size(dialog.statusWords)).isEqualTo(3);
        assertThat(GridKt._get(dialog.statusWords, 1).status()).isEqualTo(EmploymentStatus.LEAVE);
        assertThat(GridKt._get(dialog.statusWords, 1).words()).contains("Leave of Absence");
        assertThat(dialog.status.getText()).startsWith("bamboo.csv: 3 new, 0 changed")
                .contains("New org units: Engineering (engineering), Executive (executive).");
        assertThat(dialog.confirm.isEnabled()).isTrue();

        // the user reads the title from another column: the preview is stale until checked again
        setValue(dialog.columns.get(Field.TITLE), "Division");
        assertThat(dialog.confirm.isEnabled()).isFalse();
        assertThat(dialog.status.getText()).isEqualTo("The columns changed: check the file again.");
        _click(dialog.check);
        finish(dialog);
        assertThat(dialog.confirm.getText()).isEqualTo("Import 3 changes");
        _click(dialog.confirm);
        finish(dialog);
        assertThat(dialog.isOpened()).isFalse();
        var marcus = dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("UI-2")).fetchOne();
        assertThat(marcus.getTitle()).isEqualTo("R&D");
        assertThat(marcus.getFullName()).isEqualTo("Marcus Johnson");
        assertThat(marcus.getEmploymentStatus()).isEqualTo(dev.steward.platform.people.EmploymentStatus.LEAVE);
        assertThat(dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("UI-1")).fetchOne().getFullName()).isEqualTo("Liz Warren");
        assertThat(dsl.selectFrom(PERSON).where(PERSON.EMPLOYEE_ID.eq("UI-3")).fetchOne().getEmploymentStatus()).isEqualTo(dev.steward.platform.people.EmploymentStatus.TERMINATED);

        PeopleImportDialog again = upload();
        assertThat(again.proposal.getText()).isEqualTo("These are the columns last used for BambooHR employee report.");
        assertThat(again.columns.get(Field.TITLE).getValue()).isEqualTo("Division");
        assertThat(again.status.getText()).startsWith("bamboo.csv: 0 new, 0 changed, 3 unchanged");
    }

    @Test
    void a_status_word_outside_the_table_is_listed_with_its_line_and_column() throws Exception {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        PeopleImportDialog dialog = _get(PeopleImportDialog.class);
        dialog.check(UploadedFile.copyOf("retired.csv", BAMBOOHR.replace("Leave of Absence", "Retired").getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        assertThat(dialog.errors.isVisible()).isTrue();
        assertThat(GridKt._get(dialog.errors, 0).line()).isEqualTo(3);
        assertThat(GridKt._get(dialog.errors, 0).column()).isEqualTo("Employment Status");
        assertThat(GridKt._get(dialog.errors, 0).message()).startsWith("Status 'Retired' is not in the status table of BambooHR employee report");
        assertThat(dialog.confirm.isEnabled()).isFalse();
    }

    @Test
    void a_problem_shows_the_files_own_line_after_the_upload_and_after_checking_again_with_its_whole_text() throws Exception {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(PeopleView.class);
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        PeopleImportDialog dialog = _get(PeopleImportDialog.class);
        // Carla is on line 5 of the file: line 4 is empty
        dialog.check(UploadedFile.copyOf("retired.csv", BAMBOOHR.replace("Terminated,Inactive", "Retired,Inactive").getBytes(StandardCharsets.UTF_8)));
        finish(dialog);
        assertThat(GridKt._getFormatted(dialog.errors, 0, "line")).as("after the upload").isEqualTo("5");
        _click(dialog.check);
        finish(dialog);
        assertThat(GridKt._getFormatted(dialog.errors, 0, "line")).as("after checking again").isEqualTo("5");
        assertThat(GridKt._getFormatted(dialog.errors, 0, "problem")).startsWith("Status 'Retired' is not in the status table");
        assertThat(dialog.errors.getThemeNames()).as("long problems wrap, not cut").contains("wrap-cell-content");
    }
}
