package dev.steward.reviews.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.imports.Snapshots;
import dev.steward.reviews.systems.EntitlementRow;
import dev.steward.reviews.systems.Entitlements;
import dev.steward.reviews.systems.PersonChoice;
import dev.steward.reviews.systems.SodRule;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** An access-review administrator on Systems: the owner, the entitlements, SoD rules and the history of imports. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class SystemAdminUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    PeopleDirectory people;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final long[] imports = new long[2];

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    /**
     * A system with two imports: ben gains EDIT, cat arrives, ann logs in again and holds VIEW through a group now,
     * dan leaves with VIEW.
     */
    private SystemInfo wiki() {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        SystemInfo wiki = bean(SystemService.class).save(new SystemInfo(null, "wiki-" + suffix, "Wiki " + suffix, null,
                SystemInfo.Criticality.LOW, false, null, 0));
        AccessImport access = bean(AccessImport.class);
        String header = "account,entitlement,display_name,last_login,granted_via\n";
        imports[0] = commit(access, wiki, header + "ann,VIEW,Ann,2026-10-01,direct\nann,APP_ADMIN,Ann,2026-10-01,\nben,VIEW,Ben,,\n"
                + "dan,VIEW,Dan,,\ndan,DB_ADMIN,Dan,,\n");
        imports[1] = commit(access, wiki, header + "ann,VIEW,Ann,2026-11-01,group Readers\nann,APP_ADMIN,Ann,2026-11-01,\nben,VIEW,Ben,,\n"
                + "ben,EDIT,Ben,,\ncat,VIEW,Cat,,\n");
        logout();
        return wiki;
    }

    private static long commit(AccessImport access, SystemInfo system, String csv) {
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        return access.commit(system.id(), file, "wiki.csv", ColumnMapping.guess(access.header(file)), AccessImport.Progress.NONE).importId();
    }

    private SystemsView systemsView() {
        UI.getCurrent().navigate(SystemsView.class);
        return _get(SystemsView.class);
    }

    private static void rowAction(SystemsView view, SystemInfo system, String action) {
        int row = GridKt._findAll(view.grid).stream().map(SystemInfo::id).toList().indexOf(system.id());
        _click(_get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText(action)));
    }

    @Test
    void a_system_with_a_bad_code_and_no_name_is_refused_with_each_reason_on_its_field_and_nothing_saved() {
        loginAs("sam-analyst", Role.SECURITY_ANALYST);
        SystemsView view = systemsView();
        int before = GridKt._size(view.grid);
        _click(view.add);
        SystemDialog dialog = _get(SystemDialog.class);
        setValue(dialog.code, "HR Active Directory");
        setValue(dialog.dormantDays, 0);
        _click(dialog.save);

        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("The code must be 1 to 50 letters, digits or _ . -");
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("The system needs a name");
        assertThat(dialog.dormantDays.getErrorMessage()).isEqualTo("Dormant after must be at least one day");
        assertThat(dialog.error.getText()).isEmpty();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(bean(SystemService.class).byCode("HR Active Directory")).isEmpty();
        assertThat(GridKt._size(view.grid)).isEqualTo(before);
    }

    @Test
    void the_owner_is_searched_in_the_people_directory_picked_and_saved() {
        SystemInfo wiki = wiki();
        loginAs("setup", Role.ADMIN);
        long olga = people.save(new PersonForm(null, 0, "O-" + suffix, "Olga Owner " + suffix, "olga-" + suffix + "@example.org", null,
                null, null, EmploymentStatus.ACTIVE, null, null));
        loginAs("sam-analyst", Role.SECURITY_ANALYST);
        SystemsView view = systemsView();
        rowAction(view, wiki, "Edit");
        SystemDialog dialog = _get(SystemDialog.class);
        ComboBoxKt.setUserInput(dialog.owner, "olga " + suffix);
        List<PersonChoice> suggestions = ComboBoxKt.getSuggestionItems(dialog.owner);
        assertThat(suggestions).extracting(PersonChoice::label).containsExactly("Olga Owner " + suffix + " · olga-" + suffix + "@example.org");
        setValue(dialog.owner, suggestions.getFirst());
        assertThat(dialog.joinRule.getValue()).isEqualTo(dev.steward.reviews.systems.JoinRule.EMPLOYEE_ID_THEN_EMAIL);
        setValue(dialog.joinRule, dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMAIL_LOCAL_PART);
        _click(dialog.save);

        assertThat(bean(SystemService.class).byCode(wiki.code()).orElseThrow().ownerPersonId()).isEqualTo(olga);
        assertThat(bean(SystemService.class).byCode(wiki.code()).orElseThrow().joinRule())
                .isEqualTo(dev.steward.reviews.systems.JoinRule.ACCOUNT_IS_EMAIL_LOCAL_PART);
        int row = GridKt._findAll(view.grid).stream().map(SystemInfo::id).toList().indexOf(wiki.id());
        assertThat(GridKt._getFormatted(view.grid, row, "owner")).isEqualTo("Olga Owner " + suffix);
        rowAction(view, wiki, "Edit");
        assertThat(_get(SystemDialog.class).owner.getValue().id()).isEqualTo(olga);
    }

    @Test
    void entitlements_are_marked_privileged_in_the_grid_and_by_rule_after_a_preview() {
        SystemInfo wiki = wiki();
        loginAs("sam-analyst", Role.SECURITY_ANALYST);
        rowAction(systemsView(), wiki, "Entitlements");
        EntitlementsDialog dialog = _get(EntitlementsDialog.class);
        assertThat(GridKt._findAll(dialog.grid)).extracting(EntitlementRow::name, EntitlementRow::holders).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APP_ADMIN", 1L), org.assertj.core.groups.Tuple.tuple("DB_ADMIN", 0L),
                org.assertj.core.groups.Tuple.tuple("EDIT", 1L), org.assertj.core.groups.Tuple.tuple("VIEW", 3L));

        setValue(dialog.filter, "ed");
        assertThat(GridKt._findAll(dialog.grid)).extracting(EntitlementRow::name).containsExactly("EDIT");
        setValue((Checkbox) GridKt._getCellComponent(dialog.grid, 0, "privileged"), true);
        assertThat(GridKt._findAll(dialog.grid)).extracting(EntitlementRow::privileged).containsExactly(true);

        setValue(dialog.pattern, "%");
        _click(dialog.preview);
        assertThat(dialog.pattern.isInvalid()).isTrue();
        assertThat(dialog.apply.isEnabled()).isFalse();
        setValue(dialog.pattern, "%admin%");
        _click(dialog.preview);
        assertThat(dialog.ruleStatus.getText()).isEqualTo("2 entitlements match %admin%; 2 will be marked privileged: APP_ADMIN, DB_ADMIN");
        _click(dialog.apply);
        assertThat(dialog.ruleStatus.getText()).isEqualTo("2 entitlements marked privileged.");
        setValue(dialog.filter, "");
        assertThat(GridKt._findAll(dialog.grid)).extracting(EntitlementRow::name, EntitlementRow::privileged).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APP_ADMIN", true), org.assertj.core.groups.Tuple.tuple("DB_ADMIN", true),
                org.assertj.core.groups.Tuple.tuple("EDIT", true), org.assertj.core.groups.Tuple.tuple("VIEW", false));
        assertThat(bean(Entitlements.class).previewPrivilegedRule(wiki.id(), "%admin%").toMark()).isZero();
    }

    @Test
    void a_sod_rule_is_refused_with_the_reason_next_to_the_field_then_added_and_deleted_after_confirmation() {
        SystemInfo wiki = wiki();
        loginAs("sam-analyst", Role.SECURITY_ANALYST);
        _click(systemsView().sodRules);
        SodRulesDialog dialog = _get(SodRulesDialog.class);
        setValue(dialog.name, "Edit and administer " + suffix);
        setValue(dialog.systemA, wiki);
        setValue(dialog.entitlementA, "EDIT");
        setValue(dialog.systemB, wiki);
        setValue(dialog.entitlementB, "EDIT");
        _click(dialog.add);
        assertThat(dialog.entitlementB.isInvalid()).isTrue();
        assertThat(dialog.entitlementB.getErrorMessage()).isEqualTo("Entitlement B is the same as entitlement A; a rule pairs two different entitlements");
        assertThat(GridKt._findAll(dialog.grid)).noneMatch(r -> r.name().endsWith(suffix));

        setValue(dialog.entitlementB, "APP_ADMIN");
        _click(dialog.add);
        assertThat(dialog.entitlementB.isInvalid()).isFalse();
        List<SodRule> rules = GridKt._findAll(dialog.grid);
        SodRule added = rules.stream().filter(r -> r.name().equals("Edit and administer " + suffix)).findFirst().orElseThrow();
        assertThat(added.sideA()).isEqualTo("Wiki " + suffix + " · EDIT");
        assertThat(added.sideB()).isEqualTo("Wiki " + suffix + " · APP_ADMIN");

        int row = rules.indexOf(added);
        _click(_get(GridKt._getCellComponent(dialog.grid, row, "actions"), Button.class, spec -> spec.withText("Delete")));
        assertThat(dialog.confirmation.isOpened()).isTrue();
        _click(dialog.confirmDelete);
        assertThat(GridKt._findAll(dialog.grid)).doesNotContain(added);
    }

    @Test
    void the_history_shows_the_imports_and_the_diff_of_the_last_two() throws Exception {
        SystemInfo wiki = wiki();
        loginAs("audrey-" + suffix, Role.AUDITOR);
        SystemsView view = systemsView();
        int row = GridKt._findAll(view.grid).stream().map(SystemInfo::id).toList().indexOf(wiki.id());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(GridKt._getCellComponent(view.grid, row, "actions"), Button.class))
                .extracting(Button::getText).containsExactly("Entitlements", "History");
        rowAction(view, wiki, "History");
        HistoryDialog dialog = _get(HistoryDialog.class);
        assertThat(GridKt._findAll(dialog.imports)).extracting(Snapshots.Snapshot::id).containsExactly(imports[1], imports[0]);
        assertThat(dialog.from.getValue().id()).isEqualTo(imports[0]);
        assertThat(dialog.to.getValue().id()).isEqualTo(imports[1]);
        assertThat(GridKt._getFormatted(dialog.imports, 0, "added")).isEqualTo("+2 / −2 · 1 how granted changed");
        assertThat(dialog.summary.getText()).isEqualTo("From #1 to #2: grants 2 added, 2 removed, 1 how granted changed;"
                + " accounts 1 added, 1 removed, 1 changed."); // the system's numbers, as the grid shows them
        assertThat(GridKt._findAll(dialog.grants)).extracting(g -> g.accountName() + " · " + g.entitlement())
                .containsExactly("ben · EDIT", "cat · VIEW");
        dialog.sections.setSelectedTab(dialog.grantsRemoved);
        assertThat(GridKt._findAll(dialog.grants)).extracting(g -> g.accountName() + " · " + g.entitlement())
                .containsExactly("dan · DB_ADMIN", "dan · VIEW");
        dialog.sections.setSelectedTab(dialog.howGranted);
        assertThat(dialog.howGranted.getLabel()).isEqualTo("How granted changed (1)");
        assertThat(GridKt._findAll(dialog.grants)).extracting(g -> g.accountName() + " · " + g.entitlement()).containsExactly("ann · VIEW");
        assertThat(GridKt._getFormatted(dialog.grants, 0, "howGranted")).isEqualTo("direct → group Readers");
        dialog.sections.setSelectedTab(dialog.accountsChanged);
        assertThat(dialog.accounts.isVisible()).isTrue();
        assertThat(dialog.grants.isVisible()).isFalse();
        assertThat(GridKt._findAll(dialog.accounts)).extracting(a -> a.accountName() + " " + a.changed()).containsExactly("ann [last login]");

        _click(dialog.export);
        dialog.exportDialog.completion().get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        List<String> lines = Files.readAllLines(dialog.exportDialog.file().orElseThrow());
        assertThat(lines).hasSize(1 + 8).contains("grant added,ben,EDIT,no,,,,,,,,,,,,", "account added,cat,,,,,,,Cat,,no,,,,,",
                "grant how granted changed,ann,VIEW,no,group Readers,direct,,,,,,,,,,");
    }

    @Test
    void a_search_hit_opens_the_systems_history() {
        SystemInfo wiki = wiki();
        loginAs("audrey-" + suffix, Role.AUDITOR);
        UI.getCurrent().navigate(SystemsView.class, QueryParameters.of("history", String.valueOf(wiki.id())));
        assertThat(_get(HistoryDialog.class).getHeaderTitle()).isEqualTo("Imports of Wiki " + suffix);
    }
}
