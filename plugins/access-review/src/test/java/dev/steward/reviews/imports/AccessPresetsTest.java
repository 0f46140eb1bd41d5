package dev.steward.reviews.imports;

import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The presets read the exports exactly as their systems write them (the samples under access-samples/). */
class AccessPresetsTest extends ReviewsTestBase {

    @Autowired
    DSLContext dsl;

    AccessImport imports;

    @BeforeEach
    void signIn() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        imports = bean(AccessImport.class);
    }

    static byte[] sample(String name) {
        try (InputStream in = AccessPresetsTest.class.getResourceAsStream("/access-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_okta_group_membership_report_imports_with_the_latest_login_per_user_its_status_and_admin_groups_privileged() {
        SystemInfo okta = system("Okta");
        byte[] file = sample("okta-group-membership.csv");
        ImportFormat format = imports.proposedFormat(okta.id(), imports.header(file));
        assertThat(format.preset()).isEqualTo(AccessPreset.OKTA_GROUP_MEMBERSHIP);
        assertThat(format.mapping()).isEqualTo(new ColumnMapping("User Login", "Group Name", null, "User Email", "User Full Name",
                "Last Login", "Membership Type", "User Status"));

        ImportPreview preview = imports.preview(okta.id(), file, format, AccessImport.Progress.NONE);
        assertThat(preview.rows()).isEqualTo(12);
        assertThat(preview.accounts()).isEqualTo(5);
        assertThat(preview.notes()).containsExactly(
                "2 account(s) have different last logins on their rows: the latest is kept",
                "1 account(s) are disabled in the source; those still holding access are flagged in reviews",
                "2 account(s) have no known last login: shown as unknown, never as dormant",
                "Privileged unless you decide otherwise (new entitlements only): Okta Super Admins, Salesforce Admins");

        imports.commit(okta.id(), file, "group_membership.csv", format, AccessImport.Progress.NONE);
        Map<String, Record> accounts = dsl.fetch("select account_name, last_login, disabled, email from reviews.account"
                + " where system_id = ? and removed_import is null", okta.id()).intoMap(r -> r.get("account_name", String.class));
        assertThat(accounts).hasSize(5);
        assertThat(accounts.get("jdoe@acme.example").get("last_login", java.time.OffsetDateTime.class).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T08:14:03Z"));
        assertThat(accounts.get("new.hire@acme.example").get("last_login")).isNull(); // "Never": unknown, not an error
        assertThat(accounts.get("svc-backup@acme.example").get("last_login")).isNull(); // empty and N/A
        assertThat(accounts.get("svc-backup@acme.example").get("email")).isNull();
        assertThat(accounts.values().stream().filter(r -> r.get("disabled", Boolean.class)).map(r -> r.get("account_name", String.class)))
                .containsExactly("bwayne@acme.example");
        assertThat(privileged(okta)).containsExactly("Okta Super Admins", "Salesforce Admins");
        assertThat(dsl.fetch("select granted_via from reviews.access_grant where system_id = ? and account_name = 'new.hire@acme.example'"
                + " and entitlement = 'Engineering'", okta.id()).getValues(0, String.class)).containsExactly("Rule");
    }

    @Test
    void an_aws_credential_report_becomes_one_entitlement_per_credential_with_the_root_account_privileged() {
        SystemInfo aws = system("AWS production");
        byte[] file = sample("aws-credential-report.csv");
        ImportFormat format = imports.proposedFormat(aws.id(), imports.header(file));
        assertThat(format.preset()).isEqualTo(AccessPreset.AWS_CREDENTIAL_REPORT);

        ImportResult result = imports.commit(aws.id(), file, "status_reports_2026-12-07.csv", format, AccessImport.Progress.NONE);
        assertThat(result.changes().grantsAdded()).isEqualTo(8);
        Map<String, List<String>> grants = dsl.fetch("select account_name, entitlement from reviews.access_grant where system_id = ?"
                        + " and removed_import is null order by entitlement", aws.id())
                .stream().collect(Collectors.groupingBy(r -> r.get("account_name", String.class),
                        Collectors.mapping(r -> r.get("entitlement", String.class), Collectors.toList())));
        assertThat(grants).containsOnlyKeys("<root_account>", "jdoe", "ci-deploy", "old-contractor"); // the auditor holds nothing
        assertThat(grants.get("<root_account>")).containsExactly("Root access key 1", "Root account");
        assertThat(grants.get("jdoe")).containsExactly("Access key 1", "Console password");
        assertThat(grants.get("ci-deploy")).containsExactly("Access key 1", "Access key 2");
        assertThat(grants.get("old-contractor")).containsExactly("Console password", "Signing certificate 1");
        assertThat(privileged(aws)).containsExactly("Root access key 1", "Root account");
        Map<String, Object> lastLogin = dsl.fetch("select account_name, last_login from reviews.account where system_id = ?", aws.id())
                .intoMap(r -> r.get("account_name", String.class), r -> r.get("last_login"));
        // the latest use of any credential; "no_information" is unknown
        assertThat(((java.time.OffsetDateTime) lastLogin.get("<root_account>")).toInstant()).isEqualTo(Instant.parse("2026-11-02T08:11:05Z"));
        assertThat(((java.time.OffsetDateTime) lastLogin.get("ci-deploy")).toInstant()).isEqualTo(Instant.parse("2026-12-06T04:00:00Z"));
        assertThat(lastLogin.get("old-contractor")).isNull();
    }

    @Test
    void an_administrators_decision_on_an_entitlement_outlives_the_presets_default() {
        SystemInfo okta = system("Okta");
        byte[] file = sample("okta-group-membership.csv");
        ImportFormat format = ImportFormat.guess(imports.header(file));
        imports.commit(okta.id(), file, "week1.csv", format, AccessImport.Progress.NONE);
        bean(dev.steward.reviews.systems.SystemService.class).setPrivileged(okta.id(), "Salesforce Admins", false);
        imports.commit(okta.id(), file, "week2.csv", format, AccessImport.Progress.NONE);
        assertThat(privileged(okta)).containsExactly("Okta Super Admins");
    }

    @Test
    void the_mapping_a_user_made_is_offered_at_the_systems_next_import_while_it_fits_the_file() {
        SystemInfo okta = system("Okta");
        byte[] file = sample("okta-group-membership.csv");
        List<String> header = imports.header(file);
        // the user does not want the report's full names: they come from the people directory
        ColumnMapping chosen = new ColumnMapping("User Login", "Group Name", null, "User Email", null, "Last Login", null, "User Status");
        imports.commit(okta.id(), file, "week1.csv", new ImportFormat(AccessPreset.OKTA_GROUP_MEMBERSHIP, chosen), AccessImport.Progress.NONE);
        assertThat(imports.proposedFormat(okta.id(), header)).isEqualTo(new ImportFormat(AccessPreset.OKTA_GROUP_MEMBERSHIP, chosen));
        assertThat(dsl.fetchValue("select preset from reviews.import_run where system_id = ?", okta.id())).isEqualTo("OKTA_GROUP_MEMBERSHIP");

        // another file whose columns the remembered mapping does not fit gets a fresh guess
        List<String> other = List.of("account", "entitlement");
        assertThat(imports.proposedFormat(okta.id(), other)).isEqualTo(ImportFormat.guess(other));
    }

    @Test
    void an_unknown_status_word_or_a_broken_report_is_refused_with_its_line_and_column_and_nothing_is_written() {
        SystemInfo okta = system("Okta");
        String text = new String(sample("okta-group-membership.csv"), StandardCharsets.UTF_8).replace("SUSPENDED", "ON_VACATION");
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.commit(okta.id(), file, "bad.csv", ImportFormat.guess(imports.header(file)), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .first().asString().startsWith("line 4, column User Status: Unknown account status ON_VACATION (known: active"));

        SystemInfo aws = system("AWS");
        byte[] report = new String(sample("aws-credential-report.csv"), StandardCharsets.UTF_8).replace(",true,2026-06-01", ",maybe,2026-06-01")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.commit(aws.id(), report, "r.csv", ImportFormat.guess(imports.header(report)), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly("line 3, column access_key_1_active: Not true or false: maybe"));
        byte[] notAReport = "user,arn\nx,y\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.commit(aws.id(), notAReport, "r.csv",
                new ImportFormat(AccessPreset.AWS_CREDENTIAL_REPORT, CredentialReport.MAPPING), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message).first()
                        .asString().startsWith("This is not an AWS IAM credential report: it has no column password_enabled"));
        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.access_grant").where("system_id in (?, ?)", okta.id(), aws.id()))).isZero();
        assertThat(dsl.fetchCount(dsl.selectOne().from("reviews.import_run").where("system_id in (?, ?)", okta.id(), aws.id()))).isZero();
    }

    @Test
    void a_disabled_account_still_holding_access_is_flagged_in_the_next_campaign_with_revoke_recommended() {
        SystemInfo okta = system("Okta");
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        bean(dev.steward.platform.people.PeopleDirectory.class).save(new dev.steward.platform.people.PersonForm(null, 0, "BW-" + suffix,
                "Bruce Wayne", "bwayne@acme.example", null, null, null, dev.steward.platform.people.EmploymentStatus.ACTIVE, null, null));
        loginAs("ivy", Role.SECURITY_ANALYST);
        byte[] file = sample("okta-group-membership.csv");
        imports.commit(okta.id(), file, "group_membership.csv", ImportFormat.guess(imports.header(file)), AccessImport.Progress.NONE);
        var campaigns = bean(dev.steward.reviews.campaigns.CampaignService.class);
        var draft = campaigns.create(dev.steward.reviews.campaigns.CampaignForm.oneStage("Okta review", null, List.of(okta.id()), null, false,
                false, List.of(), dev.steward.reviews.campaigns.CampaignForm.ReviewerRule.NAMED, "ivy", "ivy",
                dev.steward.reviews.campaigns.CampaignForm.NoResponse.KEEP, Instant.now(), Instant.now().plus(java.time.Duration.ofDays(7))));
        var campaign = campaigns.launch(draft.id(), draft.version());
        assertThat(dsl.fetch("select entitlement, array_to_string(flags, ',') flags, recommendation, recommendation_reason"
                        + " from reviews.review_item where campaign_id = ? and account_name = 'bwayne@acme.example' order by entitlement",
                campaign.id()).map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)))
                // his last login (June) is also past the system's 90 days: dormant too, but the reason given is the stronger one
                .containsExactly("Everyone DISABLED,DORMANT REVOKE account disabled",
                        "Salesforce Admins DISABLED,DORMANT,PRIVILEGED REVOKE account disabled");
    }

    private List<String> privileged(SystemInfo system) {
        return dsl.fetch("select name from reviews.entitlement where system_id = ? and privileged order by name", system.id())
                .getValues(0, String.class);
    }
}
