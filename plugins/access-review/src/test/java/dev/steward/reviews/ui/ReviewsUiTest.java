package dev.steward.reviews.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.steward.platform.files.UploadedFile;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.decisions.ReviewItem;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A manager in a hurry, through the real components; and an administrator importing a file. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ReviewsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    PeopleDirectory people;
    @Autowired
    UserAccountService users;
    @Autowired
    org.jooq.DSLContext dsl;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    /** Maria manages Jane and Tom; Jane has a plain and a privileged entitlement; Tom a plain one; Bob (other manager) one. */
    private void campaign() {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        long maria = people.save(person("M", "maria", null));
        long jane = people.save(person("J", "jane", maria));
        people.save(person("T", "tom", maria));
        long other = people.save(person("X", "xena", null));
        people.save(person("B", "bob", other));
        String oneTime = users.create("maria-" + suffix, "Maria", "maria-" + suffix + "@example.org", EnumSet.of(Role.MANAGER));
        users.create("xena-" + suffix, "Xena", "xena-" + suffix + "@example.org", EnumSet.of(Role.MANAGER));
        SystemService systems = bean(SystemService.class);
        SystemInfo crm = systems.save(new SystemInfo(null, "crm-" + suffix, "CRM " + suffix, null, SystemInfo.Criticality.HIGH, true, null, 0));
        systems.setPrivileged(crm.id(), "CRM_ADMIN", true);
        var imports = bean(dev.steward.reviews.imports.AccessImport.class);
        byte[] file = ("account,entitlement,employee_id,granted_via\n"
                + "jane,CRM_USER,J-" + suffix + ",\njane,CRM_ADMIN,J-" + suffix + ",via role CRM admins\ntom,CRM_USER,T-" + suffix
                + ",\nbob,CRM_USER,B-" + suffix + ",\n")
                .getBytes(StandardCharsets.UTF_8);
        imports.commit(crm.id(), file, "crm.csv", dev.steward.reviews.imports.ColumnMapping.guess(imports.header(file)),
                dev.steward.reviews.imports.AccessImport.Progress.NONE);
        CampaignService campaigns = bean(CampaignService.class);
        Campaign draft = campaigns.create(CampaignForm.oneStage("CRM review " + suffix, null, List.of(crm.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.MANAGER, null, "setup", CampaignForm.NoResponse.KEEP, Instant.now(), Instant.now().plus(Duration.ofDays(7))));
        campaigns.launch(draft.id(), draft.version());
        loginAs("maria-" + suffix, Role.MANAGER);
        users.changeOwnPassword("maria-" + suffix, oneTime, "maria-passphrase-" + suffix); // past the forced first change
        logout();
    }

    private PersonForm person(String id, String name, Long manager) {
        return new PersonForm(null, 0, id + "-" + suffix, name + " " + suffix, name + "-" + suffix + "@example.org", null, null, manager,
                EmploymentStatus.ACTIVE, null, null);
    }

    @Test
    void a_manager_sees_only_their_items_decides_and_bulk_approves_only_plain_ones() {
        campaign();
        loginAs("maria-" + suffix, Role.MANAGER);
        UI.getCurrent().navigate(MyReviewsView.class);
        MyReviewsView view = _get(MyReviewsView.class);
        List<ReviewItem> items = GridKt._findAll(view.grid);
        assertThat(items).extracting(ReviewItem::accountName).containsExactlyInAnyOrder("jane", "jane", "tom");
        assertThat(view.progressText.getText()).isEqualTo("0 of 3 decided");
        assertThat(view.earlier.isVisible()).as("a one-stage campaign has no earlier stages to show").isFalse();
        int adminRow = items.indexOf(items.stream().filter(ReviewItem::privileged).findFirst().orElseThrow());
        assertThat(GridKt._getFormatted(view.grid, adminRow, "granted")).isEqualTo("via role CRM admins");

        // the campaign the queue comes from, with its due date and what is left
        assertThat(_find(view.campaigns, com.vaadin.flow.component.html.Span.class)).extracting(Span::getText).singleElement().asString()
                .startsWith("CRM review " + suffix + " · due ").endsWith(" · 3 of 3 left");
        assertThat(GridKt._getFormatted(view.grid, adminRow, "flags")).isEqualTo("privileged");
        assertThat(GridKt._getFormatted(view.grid, adminRow, "decision")).as("undecided").isEmpty();
        assertThat(view.grid.getColumnByKey("actions").isFrozenToEnd()).as("the decision buttons stay in view").isTrue();

        // selecting the privileged item with the plain ones: nothing decided, the plain ones are offered
        view.grid.asMultiSelect().select(items);
        _click(view.approveSelected);
        assertThat(view.progressText.getText()).isEqualTo("0 of 3 decided");
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getText(view.plainOnly))
                .startsWith("1 of the 3 selected items are flagged or privileged").endsWith("Approve the 2 plain item(s) now?");
        ReviewItem admin = items.stream().filter(ReviewItem::privileged).findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(view.plainOnly);
        assertThat(view.progressText.getText()).isEqualTo("2 of 3 decided");
        assertThat(GridKt._findAll(view.grid).stream().filter(i -> i.outcome() == ReviewItem.Outcome.APPROVED).map(i -> i.id()))
                .doesNotContain(admin.id()).hasSize(2);
        _click(view.selectPlain); // none left: the privileged one needs its own decision
        assertThat(view.grid.getSelectedItems()).isEmpty();

        int row = GridKt._findAll(view.grid).stream().map(ReviewItem::id).toList().indexOf(admin.id());
        _click(_get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText("Revoke")));
        CommentDialog dialog = _get(CommentDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.comment.isInvalid()).isTrue();
        setValue(dialog.comment, "Jane left the CRM admin team");
        _click(dialog.confirm);
        assertThat(view.progressText.getText()).isEqualTo("3 of 3 decided · done, thank you");
    }

    @Test
    void the_dashboard_shows_a_manager_their_pending_items_and_administrators_the_reviewers_past_due() {
        campaign();
        loginAs("maria-" + suffix, Role.MANAGER);
        UI.getCurrent().navigate("");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class)).extracting(a -> a.getText())
                .contains("3 item(s) waiting for your decision");

        dsl.execute("update reviews.campaign_stage set due_at = now() - interval '26 hours' where campaign_id ="
                + " (select id from reviews.campaign where name = ?)", "CRM review " + suffix);
        loginAs("ivy", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate(MyReviewsView.class);
        UI.getCurrent().navigate("");
        assertThat(_find(com.vaadin.flow.component.html.Span.class)).extracting(s -> s.getText())
                .anyMatch(t -> t.startsWith("maria-" + suffix + ": 3 pending in CRM review " + suffix + ", 1 d 2 h overdue"));
    }

    @Test
    void an_administrator_imports_a_file_after_a_preview_and_sees_problems_line_by_line() throws Exception {
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemInfo hr = bean(SystemService.class).save(new SystemInfo(null, "hr-" + suffix, "HR " + suffix, null,
                SystemInfo.Criticality.MEDIUM, true, null, 0));
        AccessImportDialog dialog = new AccessImportDialog(bean(dev.steward.reviews.imports.AccessImport.class), hr);
        dialog.open();
        dialog.receive(UploadedFile.copyOf("bad.csv", "user,group\nann,\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(dialog.account.getValue()).isEqualTo("user");
        assertThat(dialog.entitlement.getValue()).isEqualTo("group");
        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.problems.isVisible()).isTrue();
        assertThat(GridKt._get(dialog.problems, 0).toString()).isEqualTo("line 2, column group: Empty; every row needs a value here");

        dialog.receive(UploadedFile.copyOf("hr.csv", "user,group\nann,HR_VIEW\nben,HR_EDIT\n".getBytes(StandardCharsets.UTF_8)));
        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("2 rows, 2 accounts. Grants: 2 added, 0 removed");
        _click(dialog.commit);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("Imported as snapshot #");
    }

    @Test
    void an_administrator_imports_an_okta_report_as_okta_exports_it_and_an_aws_credential_report_without_mapping() throws Exception {
        loginAs("ivy", Role.SECURITY_ANALYST);
        SystemInfo okta = bean(SystemService.class).save(new SystemInfo(null, "okta-" + suffix, "Okta " + suffix, null,
                SystemInfo.Criticality.HIGH, true, 90, 0));
        AccessImportDialog dialog = new AccessImportDialog(bean(dev.steward.reviews.imports.AccessImport.class), okta);
        dialog.open();
        dialog.receive(UploadedFile.copyOf("group_membership.csv", sample("okta-group-membership.csv")));
        assertThat(dialog.preset.getValue()).isEqualTo(dev.steward.reviews.imports.AccessPreset.OKTA_GROUP_MEMBERSHIP);
        assertThat(dialog.preset.getItemLabelGenerator().apply(dialog.preset.getValue())).isEqualTo("Okta: Group membership report");
        assertThat(dialog.account.getValue()).isEqualTo("User Login");
        assertThat(dialog.accountStatus.getValue()).isEqualTo("User Status");
        _click(dialog.preview);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("12 rows, 5 accounts. Grants: 12 added");
        assertThat(dialog.notes.isVisible()).isTrue();
        assertThat(dialog.notes.getChildren().map(c -> c.getElement().getText()))
                .contains("1 account(s) are disabled in the source; those still holding access are flagged in reviews");
        _click(dialog.commit);
        finish(dialog);
        assertThat(dialog.status.getText()).startsWith("Imported as snapshot #");

        SystemInfo aws = bean(SystemService.class).save(new SystemInfo(null, "aws-" + suffix, "AWS " + suffix, null,
                SystemInfo.Criticality.CRITICAL, true, 90, 0));
        AccessImportDialog awsDialog = new AccessImportDialog(bean(dev.steward.reviews.imports.AccessImport.class), aws);
        awsDialog.open();
        awsDialog.receive(UploadedFile.copyOf("status_reports.csv", sample("aws-credential-report.csv")));
        assertThat(awsDialog.preset.getValue()).isEqualTo(dev.steward.reviews.imports.AccessPreset.AWS_CREDENTIAL_REPORT);
        assertThat(awsDialog.presetHelp.isVisible()).isTrue(); // no columns to map: the report's are fixed
        assertThat(awsDialog.account.isVisible() && awsDialog.account.getParent().orElseThrow().isVisible()).isFalse();
        _click(awsDialog.preview);
        finish(awsDialog);
        _click(awsDialog.commit);
        finish(awsDialog);
        assertThat(awsDialog.status.getText()).startsWith("Imported as snapshot #").contains("8 grants added");
    }

    private static byte[] sample(String name) throws java.io.IOException {
        try (var in = ReviewsUiTest.class.getResourceAsStream("/access-samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void finish(AccessImportDialog dialog) throws Exception {
        dialog.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
    }
}
