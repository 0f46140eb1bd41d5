package dev.steward.reviews.imports;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exports of several files read as their systems write them (the samples under access-samples/entra, google and
 * github): the users file joined with the members files, the flags a reviewer then sees, and files that do not fit.
 */
class MultiFilePresetsTest extends ReviewsTestBase {

    static final String ENTRA = "entra/";
    static final String ENTRA_USERS = "exportUsers_2026-12-7.csv";
    static final String ENTRA_FINANCE = "exportGroupMembers_2026-12-7-Finance Approvers.csv";
    static final String ENTRA_SALES = "exportGroupMembers_2026-12-7-Sales.csv";
    static final String ENTRA_UNNAMED = "exportGroupMembers_2026-12-7.csv";
    static final String GOOGLE_USERS = "User_Download_07122026_181500.csv";
    static final String GOOGLE_FINANCE = "finance@acme.example.csv";
    static final String GOOGLE_ADMINS = "it-admins@acme.example.csv";
    static final String GITHUB_PEOPLE = "export-acme-corp-1765130400.csv";

    @Autowired
    DSLContext dsl;

    AccessImport imports;
    private Path folder;

    @BeforeEach
    void signIn() throws IOException {
        loginAs("ivy", Role.SECURITY_ANALYST);
        imports = bean(AccessImport.class);
        folder = Files.createTempDirectory("multi-file-presets");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A sample copied to a file, as an upload keeps it, under its export's name. */
    BundleFile file(String sample, String group) {
        return file(sample.substring(sample.lastIndexOf('/') + 1), bytes(sample), group);
    }

    BundleFile file(String name, byte[] content, String group) {
        try {
            Path path = Files.createTempFile(folder, "upload-", ".part");
            Files.write(path, content);
            return new BundleFile(name, path, group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String sample) {
        try (InputStream in = MultiFilePresetsTest.class.getResourceAsStream("/access-samples/" + sample)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<BundleFile> entra() {
        return List.of(file(ENTRA + ENTRA_USERS, null), file(ENTRA + ENTRA_FINANCE, "Finance Approvers"), file(ENTRA + ENTRA_SALES, "Sales"),
                file(ENTRA + ENTRA_UNNAMED, "Global Administrators"));
    }

    List<BundleFile> google() {
        return List.of(file("google/" + GOOGLE_USERS, null), file("google/" + GOOGLE_FINANCE, null), file("google/" + GOOGLE_ADMINS, null));
    }

    List<BundleFile> github() {
        return List.of(file("github/" + GITHUB_PEOPLE, null), file("github/platform.json", "platform"), file("github/org-admins.json", "org-admins"));
    }

    @Test
    void entra_files_are_recognised_with_each_members_file_named_after_its_group_from_the_file_name() {
        BundlePlan plan = imports.plan(null, entra().stream().map(f -> f.withGroup(null)).toList());
        assertThat(plan.preset()).isEqualTo(AccessPreset.ENTRA_ID);
        assertThat(plan.files()).extracting(p -> p.kind() + " " + p.group()).containsExactly("USERS null",
                "GROUP_MEMBERS Finance Approvers", "GROUP_MEMBERS Sales", "GROUP_MEMBERS null"); // a date is no group's name
        assertThat(ExportBundle.groupFromName("exportGroupMembers_2026-9-28-GG_FIN_READ.csv")).isEqualTo("GG_FIN_READ");
        assertThat(AccessPreset.recognise(imports.header(file(ENTRA + ENTRA_USERS, null).path()))).isEqualTo(AccessPreset.ENTRA_ID);
    }

    @Test
    void an_entra_export_imports_users_joined_with_each_groups_members_and_a_reviewer_sees_disabled_orphan_and_privileged() {
        SystemInfo entra = system("Entra ID");
        people("Adele Vance", "adele.vance@contoso.example", "Megan Bowen", "megan.bowen@contoso.example", "Lee Gu", "lee.gu@contoso.example");

        ImportPreview preview = imports.previewBundle(entra.id(), AccessPreset.ENTRA_ID, entra(), AccessImport.Progress.NONE);
        assertThat(preview.rows()).isEqualTo(7);
        assertThat(preview.accounts()).isEqualTo(6);
        assertThat(preview.notes()).containsExactly(
                "1 account(s) are disabled in the source; those still holding access are flagged in reviews",
                "Privileged unless you decide otherwise (new entitlements only): Global Administrators",
                "1 member(s) are not in the users file (pradeep.gupta@contoso.example): their status and last sign-in are unknown,"
                        + " and one that matches no person is an orphan account in reviews",
                "Entra's users download has no last sign-in: last login is unknown for every account, shown as unknown and never as dormant",
                "1 member(s) that are no account (nested groups, the whole domain, devices) were skipped: review a nested group through"
                        + " its own members file");

        ImportResult result = imports.commitBundle(entra.id(), AccessPreset.ENTRA_ID, entra(), AccessImport.Progress.NONE);
        assertThat(result.number()).isEqualTo(1);
        Map<String, Record> accounts = accounts(entra);
        assertThat(accounts.keySet()).containsExactlyInAnyOrder("adele.vance@contoso.example", "megan.bowen@contoso.example",
                "lee.gu@contoso.example", "jdoe_fabrikam.example#EXT#@contoso.onmicrosoft.com", "svc-backup@contoso.example",
                "pradeep.gupta@contoso.example");
        assertThat(accounts.get("lee.gu@contoso.example").get("disabled", Boolean.class)).isTrue(); // accountEnabled False
        assertThat(accounts.get("lee.gu@contoso.example").get("display_name")).isEqualTo("Gu, Lee");
        assertThat(accounts.get("jdoe_fabrikam.example#EXT#@contoso.onmicrosoft.com").get("email")).isEqualTo("jdoe@fabrikam.example");
        assertThat(accounts.values()).allSatisfy(a -> assertThat(a.get("last_login")).isNull());
        assertThat(grants(entra).get("adele.vance@contoso.example")).containsExactly("Finance Approvers", "Sales");
        assertThat(privileged(entra)).containsExactly("Global Administrators");
        assertThat(dsl.fetchValue("select preset from reviews.import_run where system_id = ?", entra.id())).isEqualTo("ENTRA_ID");

        assertThat(flags(entra)).containsExactlyInAnyOrder(
                "adele.vance@contoso.example Finance Approvers -",
                "adele.vance@contoso.example Sales -",
                "lee.gu@contoso.example Finance Approvers DISABLED",
                "megan.bowen@contoso.example Global Administrators PRIVILEGED",
                "svc-backup@contoso.example Global Administrators ORPHAN,PRIVILEGED",
                "pradeep.gupta@contoso.example Finance Approvers ORPHAN",
                "jdoe_fabrikam.example#EXT#@contoso.onmicrosoft.com Sales ORPHAN");
    }

    @Test
    void a_google_workspace_export_joins_users_and_group_members_on_the_address_with_owners_and_admin_groups_privileged() {
        SystemInfo google = system("Google Workspace");
        people("Ana Lima", "ana.lima@acme.example", "Bruno Costa", "bruno.costa@acme.example", "Carla Dias", "carla.dias@acme.example",
                "Dev Ops", "dev.ops@acme.example", "Ivo Chief", "it.chief@acme.example");

        ImportPreview preview = imports.previewBundle(google.id(), AccessPreset.GOOGLE_WORKSPACE, google(), AccessImport.Progress.NONE);
        assertThat(preview.rows()).isEqualTo(8);
        assertThat(preview.notes()).containsExactly(
                "1 account(s) are disabled in the source; those still holding access are flagged in reviews",
                "2 account(s) have no known last login: shown as unknown, never as dormant",
                "Privileged unless you decide otherwise (new entitlements only): finance@acme.example (owner), it-admins@acme.example,"
                        + " it-admins@acme.example (owner)",
                "1 member(s) are not in the users file (auditor@audit-firm.example): their status and last sign-in are unknown, and one"
                        + " that matches no person is an orphan account in reviews",
                "1 member(s) that are no account (nested groups, the whole domain, devices) were skipped: review a nested group through"
                        + " its own members file",
                "2 account(s) have two-factor authentication off");

        imports.commitBundle(google.id(), AccessPreset.GOOGLE_WORKSPACE, google(), AccessImport.Progress.NONE);
        Map<String, Record> accounts = accounts(google);
        assertThat(accounts.get("bruno.costa@acme.example").get("disabled", Boolean.class)).isTrue(); // Suspended
        assertThat(accounts.get("carla.dias@acme.example").get("last_login")).isNull(); // "Never logged in"
        assertThat(accounts.get("ana.lima@acme.example").get("last_login", OffsetDateTime.class).toInstant())
                .isEqualTo(Instant.parse("2026-12-04T08:01:44Z"));
        assertThat(accounts.get("ana.lima@acme.example").get("display_name")).isEqualTo("Ana Lima");
        assertThat(grants(google).get("ana.lima@acme.example")).containsExactly("finance@acme.example (manager)", "it-admins@acme.example");

        assertThat(flags(google)).containsExactlyInAnyOrder(
                "it.chief@acme.example finance@acme.example (owner) PRIVILEGED",
                "it.chief@acme.example it-admins@acme.example (owner) PRIVILEGED",
                "ana.lima@acme.example finance@acme.example (manager) -",
                "ana.lima@acme.example it-admins@acme.example PRIVILEGED",
                "bruno.costa@acme.example finance@acme.example DISABLED,DORMANT", // suspended, last sign-in in May
                "carla.dias@acme.example finance@acme.example -", // never signed in: unknown, not dormant
                "dev.ops@acme.example it-admins@acme.example DORMANT,PRIVILEGED", // last sign-in in March
                "auditor@audit-firm.example finance@acme.example ORPHAN");
    }

    @Test
    void a_github_organization_imports_its_people_export_and_team_lists_with_owners_and_admin_teams_privileged() {
        SystemInfo github = system("GitHub");
        people("Mona Lisa", "mona@acme.example", "Jane Developer", "jane@acme.example", "Bob Old", "bob@acme.example",
                "New Hire", "newhire@acme.example");

        ImportPreview preview = imports.previewBundle(github.id(), AccessPreset.GITHUB_ORGANIZATION, github(), AccessImport.Progress.NONE);
        assertThat(preview.rows()).isEqualTo(11);
        assertThat(preview.notes()).containsExactly(
                "2 account(s) have no known last login: shown as unknown, never as dormant",
                "Privileged unless you decide otherwise (new entitlements only): Organization owner, Team org-admins",
                "1 member(s) are not in the users file (ghost-leaver): their status and last sign-in are unknown, and one that matches"
                        + " no person is an orphan account in reviews",
                "1 account(s) have two-factor authentication off");

        imports.commitBundle(github.id(), AccessPreset.GITHUB_ORGANIZATION, github(), AccessImport.Progress.NONE);
        assertThat(grants(github).get("mona-acme")).containsExactly("Organization owner", "Team org-admins", "Team platform");
        assertThat(accounts(github).get("old-bob").get("last_login", OffsetDateTime.class).toInstant())
                .isEqualTo(Instant.parse("2026-04-11T08:00:00Z"));
        assertThat(accounts(github).get("mona-acme").get("email")).isEqualTo("mona@acme.example"); // the SAML NameID

        assertThat(flags(github)).containsExactlyInAnyOrder(
                "mona-acme Organization owner PRIVILEGED",
                "mona-acme Team org-admins PRIVILEGED",
                "mona-acme Team platform -",
                "dev-jane Organization member -",
                "dev-jane Team platform -",
                "old-bob Organization member DORMANT",
                "old-bob Team org-admins DORMANT,PRIVILEGED",
                "new-hire Organization member -", // never active: unknown
                "contractor-x Organization member ORPHAN", // no SAML identity: matches nobody
                "contractor-x Team platform ORPHAN",
                "ghost-leaver Team org-admins ORPHAN,PRIVILEGED");
    }

    @Test
    void a_file_of_another_system_an_unrecognisable_members_file_and_an_unnamed_group_are_refused_and_nothing_is_written() {
        SystemInfo entra = system("Entra ID");
        assertThatThrownBy(() -> imports.commitBundle(entra.id(), AccessPreset.ENTRA_ID, List.of(file(ENTRA + ENTRA_USERS, null),
                file("google/" + GOOGLE_FINANCE, null)), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly("line 1: finance@acme.example.csv: not a file of a Microsoft Entra ID: users and group members export"
                                + " (a users download has userPrincipalName and accountEnabled, a group's members download id and"
                                + " userPrincipalName or objectType)"));

        byte[] noHeader = "Name,Email\nAdele Vance,adele.vance@contoso.example\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.commitBundle(entra.id(), AccessPreset.ENTRA_ID, List.of(file(ENTRA + ENTRA_USERS, null),
                file("Finance.csv", noHeader, "Finance")), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .singleElement().asString().startsWith("Finance.csv: not a file of a Microsoft Entra ID"));

        assertThatThrownBy(() -> imports.commitBundle(entra.id(), AccessPreset.ENTRA_ID, List.of(file(ENTRA + ENTRA_USERS, null),
                file(ENTRA + ENTRA_UNNAMED, " "), file(ENTRA + ENTRA_SALES, "Sales"), file("Sales again.csv", bytes(ENTRA + ENTRA_FINANCE), "sales")),
                AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message).containsExactly(
                        "exportGroupMembers_2026-12-7.csv: name the group of these members (the file does not say which)",
                        "Sales again.csv: the group sales is also named for exportGroupMembers_2026-12-7-Sales.csv; each file holds another group"));

        assertThatThrownBy(() -> imports.commitBundle(entra.id(), AccessPreset.ENTRA_ID, List.of(file(ENTRA + ENTRA_USERS, null)),
                AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("Add the group members files: a users file alone grants no access"));

        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.access_grant").where("system_id = ?", entra.id()))).isZero();
        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.import_run").where("system_id = ?", entra.id()))).isZero();
    }

    @Test
    void a_bad_value_in_a_users_file_is_refused_with_its_file_line_and_column() {
        SystemInfo google = system("Google Workspace");
        String users = new String(bytes("google/" + GOOGLE_USERS), StandardCharsets.UTF_8).replace(",Suspended,", ",Pending,")
                .replace("2026/03/01 10:00:00", "yesterday");
        List<BundleFile> files = new ArrayList<>(google());
        files.set(0, file(GOOGLE_USERS, users.getBytes(StandardCharsets.UTF_8), null));
        assertThatThrownBy(() -> imports.commitBundle(google.id(), AccessPreset.GOOGLE_WORKSPACE, files, AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "line 3, column Status [READ ONLY]: User_Download_07122026_181500.csv: unknown account status Pending (known: active,"
                                + " enabled, true, staged, provisioned, recovery, password_expired, locked_out, disabled, inactive, suspended,"
                                + " archived, deprovisioned, deactivated, false)",
                        "line 5, column Last Sign In [READ ONLY]: User_Download_07122026_181500.csv: not a date or time: yesterday"));
        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.import_run").where("system_id = ?", google.id()))).isZero();
    }

    @Test
    void a_team_list_fetched_page_by_page_is_one_team_and_githubs_report_times_are_read() {
        SystemInfo github = system("GitHub");
        byte[] pages = "[{\"login\":\"dev-jane\",\"id\":1,\"type\":\"User\"}]\n[{\"login\":\"old-bob\",\"id\":2,\"type\":\"User\"}]\n"
                .getBytes(StandardCharsets.UTF_8);
        String people = new String(bytes("github/" + GITHUB_PEOPLE), StandardCharsets.UTF_8)
                .replace("2026-12-01T09:14:03Z", "2026-12-01 09:14:03 UTC");
        imports.commitBundle(github.id(), AccessPreset.GITHUB_ORGANIZATION, List.of(file(GITHUB_PEOPLE, people.getBytes(StandardCharsets.UTF_8), null),
                file("web.json", pages, "web")), AccessImport.Progress.NONE);
        assertThat(grants(github).get("old-bob")).containsExactly("Organization member", "Team web");
        assertThat(grants(github).get("dev-jane")).containsExactly("Organization member", "Team web");
        assertThat(accounts(github).get("dev-jane").get("last_login", OffsetDateTime.class).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T09:14:03Z"));

        byte[] broken = "[{\"login\":\"dev-jane\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.previewBundle(github.id(), AccessPreset.GITHUB_ORGANIZATION, List.of(file(GITHUB_PEOPLE,
                people.getBytes(StandardCharsets.UTF_8), null), file("web.json", broken, "web")), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .singleElement().asString().startsWith("web.json: the file cannot be read as the API's JSON list of members"));
    }

    private void people(String... nameAndEmail) {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        for (int i = 0; i < nameAndEmail.length; i += 2) {
            bean(PeopleDirectory.class).save(new PersonForm(null, 0, "MF-" + UUID.randomUUID().toString().substring(0, 8), nameAndEmail[i],
                    nameAndEmail[i + 1], null, null, null, EmploymentStatus.ACTIVE, null, null));
        }
        loginAs("ivy", Role.SECURITY_ANALYST);
    }

    private Map<String, Record> accounts(SystemInfo system) {
        return dsl.fetch("select account_name, last_login, disabled, email, display_name from reviews.account where system_id = ?"
                + " and removed_import is null", system.id()).intoMap(r -> r.get("account_name", String.class));
    }

    private Map<String, List<String>> grants(SystemInfo system) {
        return dsl.fetch("select account_name, entitlement from reviews.access_grant where system_id = ? and removed_import is null"
                        + " order by entitlement", system.id()).stream()
                .collect(Collectors.groupingBy(r -> r.get("account_name", String.class),
                        Collectors.mapping(r -> r.get("entitlement", String.class), Collectors.toList())));
    }

    private List<String> privileged(SystemInfo system) {
        return dsl.fetch("select name from reviews.entitlement where system_id = ? and privileged order by name", system.id())
                .getValues(0, String.class);
    }

    /** Launches a campaign over the system and reads each item as "account entitlement FLAGS" (- for none). */
    private List<String> flags(SystemInfo system) {
        var campaigns = bean(CampaignService.class);
        var draft = campaigns.create(CampaignForm.oneStage(system.name() + " review", null, List.of(system.id()), null, false, false, List.of(),
                CampaignForm.ReviewerRule.NAMED, "ivy", "ivy", CampaignForm.NoResponse.KEEP, Instant.now(),
                Instant.now().plus(Duration.ofDays(7))));
        var campaign = campaigns.launch(draft.id(), draft.version());
        return dsl.fetch("select account_name, entitlement, coalesce(nullif(array_to_string(flags, ','), ''), '-') flags"
                        + " from reviews.review_item where campaign_id = ?", campaign.id())
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2));
    }
}
