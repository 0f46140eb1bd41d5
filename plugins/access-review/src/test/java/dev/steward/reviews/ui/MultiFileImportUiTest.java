package dev.steward.reviews.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.AccessPreset;
import dev.steward.reviews.imports.BundlePlan;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.testkit.console.OversizedUploads.EndlessBody;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static dev.steward.testkit.console.OversizedUploads.MB;
import static dev.steward.testkit.console.OversizedUploads.sendRejected;
import static dev.steward.testkit.console.OversizedUploads.uploadFiles;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator imports an export of several files through the import dialog: upload them together, name groups, preview, import. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class MultiFileImportUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    org.jooq.DSLContext dsl;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private AccessImportDialog dialog(String name) {
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemInfo system = bean(SystemService.class).save(new SystemInfo(null, name.toLowerCase().replace(' ', '-') + "-" + suffix,
                name + " " + suffix, null, SystemInfo.Criticality.HIGH, true, 90, 0));
        AccessImportDialog dialog = new AccessImportDialog(bean(AccessImport.class), system);
        dialog.open();
        return dialog;
    }

    @Test
    void entra_files_uploaded_together_are_one_import_and_the_group_a_file_name_does_not_say_is_named_before_the_preview() throws Exception {
        AccessImportDialog dialog = dialog("Entra");
        for (String name : List.of("exportUsers_2026-12-7.csv", "exportGroupMembers_2026-12-7-Finance Approvers.csv",
                "exportGroupMembers_2026-12-7-Sales.csv", "exportGroupMembers_2026-12-7.csv")) {
            dialog.receive(UploadedFile.copyOf(name, sample("entra/" + name)));
        }
        assertThat(dialog.preset.getValue()).isEqualTo(AccessPreset.ENTRA_ID);
        assertThat(dialog.preset.getItemLabelGenerator().apply(dialog.preset.getValue())).isEqualTo("Microsoft Entra ID: users and group members");
        assertThat(dialog.bundle.isVisible() && dialog.bundleHelp.isVisible()).isTrue();
        assertThat(dialog.account.getParent().orElseThrow().isVisible()).isFalse(); // the columns are the preset's
        assertThat(GridKt._findAll(dialog.bundle.grid)).extracting(BundlePlan.Planned::fileName, p -> p.kind().label())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exportUsers_2026-12-7.csv", "Users"),
                        org.assertj.core.groups.Tuple.tuple("exportGroupMembers_2026-12-7-Finance Approvers.csv", "Members of one group"),
                        org.assertj.core.groups.Tuple.tuple("exportGroupMembers_2026-12-7-Sales.csv", "Members of one group"),
                        org.assertj.core.groups.Tuple.tuple("exportGroupMembers_2026-12-7.csv", "Members of one group"));
        assertThat(dialog.bundle.groups.get("exportGroupMembers_2026-12-7-Finance Approvers.csv").getValue()).isEqualTo("Finance Approvers");

        // the user says the files come from Google Workspace: none is one of its files; back to Entra ID, each is again
        setValue(dialog.preset, AccessPreset.GOOGLE_WORKSPACE);
        assertThat(GridKt._findAll(dialog.bundle.grid)).extracting(p -> p.kind().label()).containsOnly("Not recognised");
        assertThat(dialog.status.getText()).endsWith("a file is not one this system exports; remove it or choose what exported the files");
        setValue(dialog.preset, AccessPreset.ENTRA_ID);
        assertThat(GridKt._findAll(dialog.bundle.grid)).extracting(p -> p.kind().label()).doesNotContain("Not recognised");

        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.problems.isVisible()).isTrue();
        assertThat(GridKt._get(dialog.problems, 0).message())
                .isEqualTo("exportGroupMembers_2026-12-7.csv: name the group of these members (the file does not say which)");

        // a members file whose header no export has joins the files as not recognised: the preview says so, nothing is read
        dialog.receive(UploadedFile.copyOf("members.csv", "Name,Email\nAdele Vance,adele.vance@contoso.example\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(GridKt._findAll(dialog.bundle.grid)).extracting(p -> p.fileName() + ": " + p.kind().label()).last()
                .isEqualTo("members.csv: Not recognised");
        dialog.bundle.groups.get("exportGroupMembers_2026-12-7.csv").setValue("Global Administrators");
        _click(dialog.preview);
        finish(dialog);
        assertThat(GridKt._findAll(dialog.problems)).extracting(p -> p.message()).containsExactly("members.csv: not a file of a Microsoft"
                + " Entra ID: users and group members export (a users download has userPrincipalName and accountEnabled, a group's"
                + " members download id and userPrincipalName or objectType)");
        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(dialog.bundle.grid, 4, "remove"));
        assertThat(GridKt._size(dialog.bundle.grid)).isEqualTo(4);
        assertThat(dialog.bundle.groups.get("exportGroupMembers_2026-12-7.csv").getValue()).isEqualTo("Global Administrators");
        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("7 rows, 6 accounts. Grants: 7 added");
        assertThat(dialog.notes.getChildren().map(c -> c.getElement().getText())).contains(
                "1 account(s) are disabled in the source; those still holding access are flagged in reviews",
                "Privileged unless you decide otherwise (new entitlements only): Global Administrators",
                "Entra's users download has no last sign-in: last login is unknown for every account, shown as unknown and never as dormant");
        _click(dialog.commit);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("Imported as snapshot #1: 7 grants added");
    }

    @Test
    void google_workspace_users_then_group_members_files_join_one_import_and_a_file_can_be_taken_out() throws Exception {
        AccessImportDialog dialog = dialog("Google");
        dialog.receive(UploadedFile.copyOf("User_Download_07122026_181500.csv", sample("google/User_Download_07122026_181500.csv")));
        assertThat(dialog.preset.getValue()).isEqualTo(AccessPreset.GOOGLE_WORKSPACE);
        dialog.receive(UploadedFile.copyOf("finance@acme.example.csv", sample("google/finance@acme.example.csv")));
        dialog.receive(UploadedFile.copyOf("it-admins@acme.example.csv", sample("google/it-admins@acme.example.csv")));
        dialog.receive(UploadedFile.copyOf("extra.csv", sample("google/it-admins@acme.example.csv")));
        assertThat(GridKt._size(dialog.bundle.grid)).isEqualTo(4);
        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(dialog.bundle.grid, 3, "remove"));
        assertThat(GridKt._size(dialog.bundle.grid)).isEqualTo(3);

        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("8 rows, 6 accounts");
        assertThat(dialog.notes.getChildren().map(c -> c.getElement().getText())).contains(
                "2 account(s) have two-factor authentication off",
                "1 member(s) are not in the users file (auditor@audit-firm.example): their status and last sign-in are unknown, and one"
                        + " that matches no person is an orphan account in reviews");
        _click(dialog.commit);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("Imported as snapshot #1: 8 grants added");
    }

    @Test
    void a_github_people_export_with_team_lists_imports_and_a_file_of_one_export_replaces_the_files_of_another() throws Exception {
        AccessImportDialog dialog = dialog("GitHub");
        dialog.receive(UploadedFile.copyOf("export-acme-corp-1765130400.csv", sample("github/export-acme-corp-1765130400.csv")));
        dialog.receive(UploadedFile.copyOf("platform.json", sample("github/platform.json")));
        dialog.receive(UploadedFile.copyOf("org-admins.json", sample("github/org-admins.json")));
        assertThat(dialog.preset.getValue()).isEqualTo(AccessPreset.GITHUB_ORGANIZATION);
        assertThat(dialog.bundle.groups.get("org-admins.json").getValue()).isEqualTo("org-admins");
        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("11 rows, 6 accounts");
        assertThat(dialog.notes.getChildren().map(c -> c.getElement().getText()))
                .contains("Privileged unless you decide otherwise (new entitlements only): Organization owner, Team org-admins");
        _click(dialog.commit);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("Imported as snapshot #1: 11 grants added");

        // an Okta report is no part of a GitHub export: it replaces the files and is read alone, its columns mapped
        dialog.receive(UploadedFile.copyOf("group_membership.csv", sample("okta-group-membership.csv")));
        assertThat(dialog.preset.getValue()).isEqualTo(AccessPreset.OKTA_GROUP_MEMBERSHIP);
        assertThat(dialog.bundle.isVisible()).isFalse();
        assertThat(dialog.account.getValue()).isEqualTo("User Login");
    }

    @Test
    void an_oversized_members_file_is_refused_before_it_is_read_and_the_files_already_uploaded_stay_unimported() throws Exception {
        AccessImportDialog dialog = dialog("Entra big");
        dialog.receive(UploadedFile.copyOf("exportUsers_2026-12-7.csv", sample("entra/exportUsers_2026-12-7.csv")));
        EndlessBody body = new EndlessBody();
        Set<Path> before = uploadFiles();

        sendRejected(dialog.upload, "exportGroupMembers_2026-12-7-Everyone.csv", "text/csv", 412 * MB, body);

        assertThat(body.served()).isZero();
        assertThat(dialog.status.getText()).isEqualTo("The file exportGroupMembers_2026-12-7-Everyone.csv is 412 MB; the limit is 256 MB");
        assertThat(uploadFiles()).isSubsetOf(before);
        assertThat(GridKt._size(dialog.bundle.grid)).isEqualTo(1);
        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.import_run").where("system_id = (select id from reviews.system where"
                + " name = ?)", "Entra big " + suffix))).isZero();
    }

    private static byte[] sample(String name) throws java.io.IOException {
        try (var in = MultiFileImportUiTest.class.getResourceAsStream("/access-samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void finish(AccessImportDialog dialog) throws Exception {
        dialog.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
    }
}
