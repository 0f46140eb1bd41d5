package dev.steward.reviews.imports;

import dev.steward.reviews.ReviewsTestBase;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.security.Role;
import dev.steward.reviews.imports.Snapshots.AccountChange;
import dev.steward.reviews.imports.Snapshots.GrantChange;
import dev.steward.reviews.systems.SystemInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three imports with known changes; the diff between any two is exactly those changes, whatever came and went between. */
class SnapshotsTest extends ReviewsTestBase {

    SystemInfo app;
    long first;
    long second;
    long third;
    Snapshots snapshots;

    @BeforeEach
    void threeImports() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        app = system("App");
        first = importCsv(app, HEADER
                + "ann,APP_USER,E-1,ann@x.org,Ann,2026-10-01\n"
                + "ann,APP_ADMIN,E-1,ann@x.org,Ann,2026-10-01\n"
                + "bob,APP_USER,E-2,bob@x.org,Bob,2026-10-01\n"
                + "cid,APP_USER,E-3,cid@x.org,Cid,2026-10-01\n").importId();
        // ann loses APP_ADMIN and logs in again; bob gains APP_REPORTS; cid goes; dan comes
        second = importCsv(app, HEADER
                + "ann,APP_USER,E-1,ann@x.org,Ann,2026-11-01\n"
                + "bob,APP_USER,E-2,bob@x.org,Bob,2026-10-01\n"
                + "bob,APP_REPORTS,E-2,bob@x.org,Bob,2026-10-01\n"
                + "dan,APP_USER,E-4,dan@x.org,Dan,2026-11-01\n").importId();
        // ann's APP_ADMIN and cid (as before) come back; bob loses APP_REPORTS and is renamed; dan goes; eve comes
        third = importCsv(app, HEADER
                + "ann,APP_USER,E-1,ann@x.org,Ann,2026-11-01\n"
                + "ann,APP_ADMIN,E-1,ann@x.org,Ann,2026-11-01\n"
                + "bob,APP_USER,E-2,bob@x.org,Bob B.,2026-10-01\n"
                + "cid,APP_USER,E-3,cid@x.org,Cid,2026-10-01\n"
                + "eve,APP_USER,E-5,eve@x.org,Eve,2026-11-02\n").importId();
        bean(dev.steward.reviews.systems.SystemService.class).setPrivileged(app.id(), "APP_ADMIN", true);
        snapshots = bean(Snapshots.class);
    }

    @Test
    void the_history_lists_every_import_newest_first_with_its_counts() {
        List<Snapshots.Snapshot> history = snapshots.history(app.id());
        assertThat(history).extracting(Snapshots.Snapshot::id).containsExactly(third, second, first);
        // numbered per system: another system's imports in between do not count
        assertThat(history).extracting(Snapshots.Snapshot::number).containsExactly(3, 2, 1);
        assertThat(importCsv(system("Other"), HEADER + "x,R,,,,\n").number()).isEqualTo(1);
        Snapshots.Snapshot latest = history.getFirst();
        assertThat(latest.source()).isEqualTo("CSV");
        assertThat(latest.fileName()).isEqualTo("test.csv");
        assertThat(latest.importedBy()).isEqualTo("ivy");
        assertThat(latest.sha256()).hasSize(64);
        assertThat(latest.grants()).isEqualTo(5);
        assertThat(latest.accounts()).isEqualTo(4);
        assertThat(latest.added()).isEqualTo(3);
        assertThat(latest.removed()).isEqualTo(2);
    }

    @Test
    void first_to_second_shows_what_the_second_import_changed() {
        Snapshots.Diff diff = snapshots.diff(app.id(), first, second);
        assertThat(diff).isEqualTo(new Snapshots.Diff(app.id(), first, second, 2, 2, 0, 1, 1, 1));
        assertThat(grants(first, second, GrantChange.ADDED)).containsExactly("bob · APP_REPORTS", "dan · APP_USER");
        assertThat(grants(first, second, GrantChange.REMOVED)).containsExactly("ann · APP_ADMIN (privileged)", "cid · APP_USER");
        assertThat(accounts(first, second, AccountChange.ADDED)).containsExactly("dan: - -> Dan/E-4");
        assertThat(accounts(first, second, AccountChange.REMOVED)).containsExactly("cid: Cid/E-3 -> -");
        assertThat(accounts(first, second, AccountChange.CHANGED)).containsExactly("ann: Ann/E-1 -> Ann/E-1 [last login]");
        Snapshots.Account ann = snapshots.accounts(app.id(), first, second, AccountChange.CHANGED, 0, 10).getFirst();
        assertThat(ann.before().lastLogin()).isBefore(ann.after().lastLogin());
    }

    @Test
    void second_to_third_counts_what_came_back_as_added() {
        assertThat(snapshots.diff(app.id(), second, third)).isEqualTo(new Snapshots.Diff(app.id(), second, third, 3, 2, 0, 2, 1, 1));
        assertThat(grants(second, third, GrantChange.ADDED)).containsExactly("ann · APP_ADMIN (privileged)", "cid · APP_USER", "eve · APP_USER");
        assertThat(grants(second, third, GrantChange.REMOVED)).containsExactly("bob · APP_REPORTS", "dan · APP_USER");
        assertThat(accounts(second, third, AccountChange.ADDED)).containsExactly("cid: - -> Cid/E-3", "eve: - -> Eve/E-5");
        assertThat(accounts(second, third, AccountChange.REMOVED)).containsExactly("dan: Dan/E-4 -> -");
        assertThat(accounts(second, third, AccountChange.CHANGED)).containsExactly("bob: Bob/E-2 -> Bob B./E-2 [display name]");
    }

    @Test
    void first_to_third_skips_what_went_and_came_back_and_either_order_gives_the_same_diff() {
        Snapshots.Diff diff = snapshots.diff(app.id(), first, third);
        assertThat(diff).isEqualTo(new Snapshots.Diff(app.id(), first, third, 1, 0, 0, 1, 0, 2));
        assertThat(snapshots.diff(app.id(), third, first)).isEqualTo(diff);
        assertThat(grants(first, third, GrantChange.ADDED)).containsExactly("eve · APP_USER");
        assertThat(grants(first, third, GrantChange.REMOVED)).isEmpty();
        assertThat(accounts(first, third, AccountChange.ADDED)).containsExactly("eve: - -> Eve/E-5");
        assertThat(accounts(first, third, AccountChange.REMOVED)).isEmpty();
        assertThat(accounts(first, third, AccountChange.CHANGED)).containsExactly(
                "ann: Ann/E-1 -> Ann/E-1 [last login]", "bob: Bob/E-2 -> Bob B./E-2 [display name]");
    }

    @Test
    void pages_follow_account_and_entitlement_order() {
        assertThat(snapshots.grants(app.id(), second, third, GrantChange.ADDED, 1, 1)).extracting(Snapshots.Grant::accountName)
                .containsExactly("cid");
        assertThat(snapshots.accounts(app.id(), second, third, AccountChange.ADDED, 1, 5)).extracting(Snapshots.Account::accountName)
                .containsExactly("eve");
    }

    @Test
    void the_diff_exports_as_csv_one_row_per_change() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        snapshots.exportCsv(app.id(), first, second, out, ExportProgress.NONE);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 2 + 2 + 1 + 1 + 1);
        assertThat(lines.getFirst()).endsWith("change,account,entitlement,privileged,granted_via,previous_granted_via,employee_id,email,"
                + "display_name,last_login,disabled,previous_employee_id,previous_email,previous_display_name,previous_last_login,previous_disabled");
        assertThat(lines).contains(csv("grant added", "bob", "APP_REPORTS", "no", "", "", "", "", "", "", "", "", "", "", "", ""),
                csv("grant removed", "ann", "APP_ADMIN", "yes", "", "", "", "", "", "", "", "", "", "", "", ""),
                csv("account removed", "cid", "", "", "", "", "E-3", "cid@x.org", "Cid", "2026-10-01T00:00:00Z", "no", "", "", "", "", ""));
        assertThat(lines).anyMatch(l -> l.startsWith(csv("account changed", "ann", "", "", "", "", "E-1", "ann@x.org", "Ann",
                "2026-11-01T00:00:00Z", "no", "E-1", "ann@x.org", "Ann", "")));
        assertThat(snapshots.fileName(app.id(), second, first)).isEqualTo("access-diff-" + app.code() + "-1-2.csv"); // the system's numbers
    }

    @Test
    void a_grant_held_another_way_and_an_account_disabled_or_enabled_are_changes_of_their_own() {
        SystemInfo crm = system("CRM");
        String header = "account,entitlement,granted_via,status\n";
        long one = importCsv(crm, header + "ann,SALES,direct,active\nbob,SALES,role Sales,active\ncid,SALES,,active\n").importId();
        // ann holds SALES through the role now, cid's is said to be direct; bob is suspended
        ImportResult second = importCsv(crm, header + "ann,SALES,role Sales,active\nbob,SALES,role Sales,suspended\ncid,SALES,direct,active\n");
        long two = second.importId();
        // ann is back to direct, bob enabled again
        long three = importCsv(crm, header + "ann,SALES,direct,active\nbob,SALES,role Sales,active\ncid,SALES,direct,active\n").importId();

        assertThat(second.changes().grantsAdded() + second.changes().grantsRemoved()).isZero();
        assertThat(second.changes().howGrantedChanged()).isEqualTo(2);
        assertThat(second.changes().grantsKept()).isEqualTo(1);
        assertThat(snapshots.history(crm.id())).extracting(Snapshots.Snapshot::howGrantedChanged).containsExactly(1, 2, 0);

        assertThat(snapshots.diff(crm.id(), one, two)).isEqualTo(new Snapshots.Diff(crm.id(), one, two, 0, 0, 2, 0, 0, 1));
        assertThat(howGranted(crm, one, two)).containsExactly("ann · SALES: direct → role Sales", "cid · SALES: not stated → direct");
        assertThat(changedAccounts(crm, one, two)).containsExactly("bob [disabled]");
        Snapshots.Account bob = snapshots.accounts(crm.id(), one, two, AccountChange.CHANGED, 0, 10).getFirst();
        assertThat(bob.before().disabled()).isFalse();
        assertThat(bob.after().disabled()).isTrue();

        assertThat(snapshots.diff(crm.id(), two, three)).isEqualTo(new Snapshots.Diff(crm.id(), two, three, 0, 0, 1, 0, 0, 1));
        assertThat(howGranted(crm, two, three)).containsExactly("ann · SALES: role Sales → direct");
        assertThat(changedAccounts(crm, two, three)).containsExactly("bob [enabled]");
        // from the first to the third: ann's is held as it was, bob is as he was; only cid's changed
        assertThat(snapshots.diff(crm.id(), three, one)).isEqualTo(new Snapshots.Diff(crm.id(), one, three, 0, 0, 1, 0, 0, 0));
        assertThat(howGranted(crm, one, three)).containsExactly("cid · SALES: not stated → direct");
        // each snapshot keeps how its grants were held, one current row per grant
        assertThat(dsl().fetch("select account_name || ' · ' || coalesce(granted_via, '-') from reviews.access_grant where system_id = ?"
                + " and added_import <= ? and (removed_import is null or removed_import > ?)", crm.id(), one, one).getValues(0, String.class))
                .containsExactlyInAnyOrder("ann · direct", "bob · role Sales", "cid · -");
        assertThat(dsl().fetchValue("select count(*) from reviews.access_grant where system_id = ? and removed_import is null", crm.id()))
                .isEqualTo(3L);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        snapshots.exportCsv(crm.id(), one, two, out, ExportProgress.NONE);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).toList()).containsExactly(
                csv("grant how granted changed", "ann", "SALES", "no", "role Sales", "direct", "", "", "", "", "", "", "", "", "", ""),
                csv("grant how granted changed", "cid", "SALES", "no", "direct", "", "", "", "", "", "", "", "", "", "", ""),
                csv("account changed", "bob", "", "", "", "", "", "", "", "", "yes", "", "", "", "", "no"));
    }

    @Test
    void imports_of_another_system_unknown_ids_and_one_import_twice_are_refused() {
        SystemInfo other = system("Other");
        long foreign = importCsv(other, HEADER + "zed,X,,,,\n").importId();
        assertThatThrownBy(() -> snapshots.diff(app.id(), first, foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Import #" + foreign + " is an import of Other, not of App");
        assertThatThrownBy(() -> snapshots.grants(app.id(), foreign, third, GrantChange.ADDED, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Import #" + foreign + " is an import of Other, not of App");
        assertThatThrownBy(() -> snapshots.diff(app.id(), first, 987_654_321L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no import #987654321");
        assertThatThrownBy(() -> snapshots.diff(app.id(), second, second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose two different imports to compare");
        assertThatThrownBy(() -> snapshots.history(987_654_321L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no system #987654321");
    }

    @Test
    void auditors_read_history_and_diffs() {
        loginAs("audrey", Role.AUDITOR);
        assertThat(snapshots.history(app.id())).hasSize(3);
        assertThat(snapshots.diff(app.id(), first, third).total()).isEqualTo(4);
    }

    private List<String> howGranted(SystemInfo system, long a, long b) {
        return snapshots.grants(system.id(), a, b, GrantChange.HOW_GRANTED_CHANGED, 0, 100).stream()
                .map(g -> g.accountName() + " · " + g.entitlement() + ": " + HowGranted.change(g.previousGrantedVia(), g.grantedVia())).toList();
    }

    private List<String> changedAccounts(SystemInfo system, long a, long b) {
        return snapshots.accounts(system.id(), a, b, AccountChange.CHANGED, 0, 100).stream()
                .map(x -> x.accountName() + " " + x.changed()).toList();
    }

    private org.jooq.DSLContext dsl() {
        return bean(org.jooq.DSLContext.class);
    }

    private static String csv(String... fields) {
        return String.join(",", fields);
    }

    private List<String> grants(long a, long b, GrantChange change) {
        return snapshots.grants(app.id(), a, b, change, 0, 100).stream()
                .map(g -> g.accountName() + " · " + g.entitlement() + (g.privileged() ? " (privileged)" : "")).toList();
    }

    private List<String> accounts(long a, long b, AccountChange change) {
        return snapshots.accounts(app.id(), a, b, change, 0, 100).stream()
                .map(x -> x.accountName() + ": " + side(x.before()) + " -> " + side(x.after())
                        + (x.changed().isEmpty() ? "" : " " + x.changed()))
                .toList();
    }

    private static String side(Snapshots.AccountDetails d) {
        return d == null ? "-" : d.displayName() + "/" + d.employeeId();
    }
}
