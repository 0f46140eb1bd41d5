package dev.steward.reviews.ldap;

import dev.steward.reviews.ReviewsTestBase;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ImportPreview;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.imports.Snapshots;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.table;

/**
 * LDAP import against an in-memory directory (UnboundID) on a random port: people, groups under ou=groups with a
 * nested group, a membership cycle and a group outside the base; a member DN that does not exist.
 */
class LdapImportTest extends ReviewsTestBase {

    static final String BASE = "dc=example,dc=org";
    static final String GROUPS = "ou=groups," + BASE;
    static final String BIND_DN = "cn=steward," + BASE;
    static final String PASSWORD = "s3cret-bind";
    static InMemoryDirectoryServer directory;

    @Autowired
    DSLContext dsl;

    SystemInfo hr;

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", 0));
        config.setSchema(null); // lastLogon is not in the standard schema
        directory = new InMemoryDirectoryServer(config);
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    /**
     * finance: ann, the nested group finance-leads and the group ext-auditors outside the base; finance-leads: ben and
     * finance again (a cycle); it-admins: cat. ext-auditors: dan.
     */
    @BeforeEach
    void fixture() throws Exception {
        directory.clear();
        directory.add("dn: " + BASE, "objectClass: domain", "dc: example");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
        directory.add("dn: ou=teams," + BASE, "objectClass: organizationalUnit", "ou: teams");
        person("ann", "Ann Archer", "E-1", "20261101083000Z");
        person("ben", "Ben Baker", "E-2", null);
        person("cat", "Cat Cole", null, null);
        person("dan", "Dan Dow", "E-4", "0");
        group(GROUPS, "finance", user("ann"), "cn=finance-leads," + GROUPS, "cn=ext-auditors,ou=teams," + BASE);
        group(GROUPS, "finance-leads", user("ben"), "cn=finance," + GROUPS);
        group(GROUPS, "it-admins", user("cat"));
        group("ou=teams," + BASE, "ext-auditors", user("dan"));
        loginAs("ivy", Role.SECURITY_ANALYST);
        hr = system("HR directory");
    }

    @Test
    void an_import_reads_every_group_with_nested_groups_expanded_and_membership_cycles_ended() {
        ldap().save(settings(hr, PASSWORD));
        ImportResult result = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);

        assertThat(currentGrants(hr)).containsExactlyInAnyOrder(
                "ann · finance", "ben · finance", "dan · finance",
                "ann · finance-leads", "ben · finance-leads", "dan · finance-leads",
                "cat · it-admins");
        assertThat(result.changes().grantsAdded()).isEqualTo(7);
        assertThat(result.changes().accountsAdded()).isEqualTo(4);
        assertThat(dsl.fetch("select account_name || ' · ' || entitlement || ' · ' || granted_via from reviews.access_grant"
                + " where system_id = ? and removed_import is null", hr.id()).getValues(0, String.class)).containsExactlyInAnyOrder(
                "ann · finance · direct member", "ben · finance · via group finance-leads", "dan · finance · via group ext-auditors",
                "ann · finance-leads · via group finance", "ben · finance-leads · direct member",
                "dan · finance-leads · via group ext-auditors", "cat · it-admins · direct member");
        Record ann = dsl.fetchOne("select * from reviews.account where system_id = ? and account_name = 'ann' and removed_import is null", hr.id());
        assertThat(ann.get("employee_id")).isEqualTo("E-1");
        assertThat(ann.get("email")).isEqualTo("ann@example.org");
        assertThat(ann.get("display_name")).isEqualTo("Ann Archer");
        assertThat(ann.get("last_login", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        Record dan = dsl.fetchOne("select * from reviews.account where system_id = ? and account_name = 'dan' and removed_import is null", hr.id());
        assertThat(dan.get("last_login")).isNull(); // "0": never logged in

        Record run = dsl.fetchOne("select * from reviews.import_run where id = ?", result.importId());
        assertThat(run.get("source")).isEqualTo("LDAP");
        assertThat(run.get("file_name")).isEqualTo(url() + " " + GROUPS);
        assertThat(run.get("sha256", String.class)).hasSize(64);

        // an unchanged directory: nothing added or removed, and the same fingerprint
        ImportResult again = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(again.changes().grantsAdded() + again.changes().grantsRemoved()).isZero();
        assertThat(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", again.importId())).isEqualTo(run.get("sha256"));
    }

    @Test
    void a_second_import_after_membership_changes_adds_and_removes_what_changed_and_keeps_the_first_snapshot() throws Exception {
        ldap().save(settings(hr, PASSWORD));
        ImportResult first = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);

        // ben leaves finance-leads; cat joins finance (and so finance-leads, through the cycle)
        directory.modify("cn=finance-leads," + GROUPS, new Modification(ModificationType.DELETE, "member", user("ben")));
        directory.modify("cn=finance," + GROUPS, new Modification(ModificationType.ADD, "member", user("cat")));

        ImportPreview preview = imports().previewLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(preview.grantsAdded()).isEqualTo(2);
        assertThat(preview.grantsRemoved()).isEqualTo(2);
        assertThat(preview.grantsKept()).isEqualTo(5);
        assertThat(preview.accountsRemoved()).isEqualTo(1);
        assertThat(preview.sampleRemoved()).containsExactly("ben · finance", "ben · finance-leads");
        assertThat(currentGrants(hr)).hasSize(7).contains("ben · finance"); // a preview writes nothing

        ImportResult second = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(second.changes()).usingRecursiveComparison().ignoringFields("sampleAdded", "sampleRemoved", "sampleHowGrantedChanged")
                .isEqualTo(preview);
        assertThat(currentGrants(hr)).containsExactlyInAnyOrder(
                "ann · finance", "cat · finance", "dan · finance",
                "ann · finance-leads", "cat · finance-leads", "dan · finance-leads",
                "cat · it-admins");
        assertThat(dsl.fetch("select account_name || ' · ' || entitlement from reviews.access_grant where system_id = ? and removed_import = ?",
                hr.id(), second.importId()).getValues(0, String.class)).containsExactlyInAnyOrder("ben · finance", "ben · finance-leads");
        // the first snapshot is still readable: ben had both groups then
        assertThat(dsl.fetchCount(table("reviews.access_grant"), condition(
                "system_id = ? and added_import <= ? and (removed_import is null or removed_import > ?)", hr.id(), first.importId(), first.importId())))
                .isEqualTo(7);
        assertThat(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", second.importId()))
                .isNotEqualTo(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", first.importId()));
    }

    @Test
    void a_grant_held_another_way_is_a_change_in_the_preview_the_import_and_the_diff() throws Exception {
        ldap().save(settings(hr, PASSWORD));
        ImportResult first = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);

        // ann leaves finance as a direct member and joins finance-leads: she holds finance through it now, and
        // finance-leads directly; nobody gains or loses a group
        directory.modify("cn=finance," + GROUPS, new Modification(ModificationType.DELETE, "member", user("ann")));
        directory.modify("cn=finance-leads," + GROUPS, new Modification(ModificationType.ADD, "member", user("ann")));

        ImportPreview preview = imports().previewLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(preview.grantsAdded() + preview.grantsRemoved()).isZero();
        assertThat(preview.howGrantedChanged()).isEqualTo(2);
        assertThat(preview.grantsKept()).isEqualTo(5);
        assertThat(preview.sampleHowGrantedChanged()).containsExactlyInAnyOrder("ann · finance: direct member → via group finance-leads",
                "ann · finance-leads: via group finance → direct member");

        ImportResult second = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(second.changes()).usingRecursiveComparison().ignoringFields("sampleAdded", "sampleRemoved", "sampleHowGrantedChanged")
                .isEqualTo(preview);
        assertThat(dsl.fetchValue("select how_granted_changed from reviews.import_run where id = ?", second.importId())).isEqualTo(2);
        assertThat(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", second.importId()))
                .isNotEqualTo(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", first.importId()));
        assertThat(currentGrants(hr)).hasSize(7);

        Snapshots snapshots = bean(Snapshots.class);
        Snapshots.Diff diff = snapshots.diff(hr.id(), first.importId(), second.importId());
        assertThat(diff.howGrantedChanged()).isEqualTo(2);
        assertThat(diff.total()).isEqualTo(2);
        assertThat(snapshots.grants(hr.id(), first.importId(), second.importId(), Snapshots.GrantChange.HOW_GRANTED_CHANGED, 0, 10))
                .extracting(g -> g.accountName() + " · " + g.entitlement() + ": " + g.previousGrantedVia() + " → " + g.grantedVia())
                .containsExactly("ann · finance: direct member → via group finance-leads", "ann · finance-leads: via group finance → direct member");
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        snapshots.exportCsv(hr.id(), first.importId(), second.importId(), csv, dev.steward.platform.export.ExportProgress.NONE);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).contains(
                "grant how granted changed,ann,finance,no,via group finance-leads,direct member,,,,,,,,,,");

        // unchanged since: nothing to tell, the same fingerprint
        ImportResult third = imports().commitLdap(hr.id(), AccessImport.Progress.NONE);
        assertThat(third.changes().howGrantedChanged() + third.changes().grantsAdded() + third.changes().grantsRemoved()).isZero();
        assertThat(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", third.importId()))
                .isEqualTo(dsl.fetchValue("select sha256 from reviews.import_run where id = ?", second.importId()));
    }

    @Test
    void a_member_that_cannot_be_read_rejects_the_whole_import_naming_its_dn() throws Exception {
        ldap().save(settings(hr, PASSWORD));
        imports().commitLdap(hr.id(), AccessImport.Progress.NONE);
        int grants = dsl.fetchCount(table("reviews.access_grant"));
        int runs = dsl.fetchCount(table("reviews.import_run"));

        directory.modify("cn=it-admins," + GROUPS, new Modification(ModificationType.ADD, "member", user("ghost")));
        directory.modify("cn=finance," + GROUPS, new Modification(ModificationType.DELETE, "member", user("ann")));
        directory.add("dn: cn=printer,ou=people," + BASE, "objectClass: device", "cn: printer");
        directory.modify("cn=it-admins," + GROUPS, new Modification(ModificationType.ADD, "member", "cn=printer,ou=people," + BASE));

        assertThatThrownBy(() -> imports().commitLdap(hr.id(), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactlyInAnyOrder(
                                user("ghost") + " (member of cn=it-admins," + GROUPS + ") cannot be read: it does not exist, or the bind DN may not read it",
                                "cn=printer,ou=people," + BASE + " (member of cn=it-admins," + GROUPS + ") is neither a user (it has no uid) nor a group"));
        assertThat(dsl.fetchCount(table("reviews.access_grant"))).isEqualTo(grants);
        assertThat(dsl.fetchCount(table("reviews.import_run"))).isEqualTo(runs);
        assertThat(currentGrants(hr)).contains("ann · finance");
    }

    @Test
    void two_entries_with_one_account_name_are_refused() throws Exception {
        directory.add("dn: uid=ann,ou=teams," + BASE, "objectClass: inetOrgPerson", "uid: ann", "cn: Another Ann", "sn: Ann");
        directory.modify("cn=it-admins," + GROUPS, new Modification(ModificationType.ADD, "member", "uid=ann,ou=teams," + BASE));
        ldap().save(settings(hr, PASSWORD));
        assertThatThrownBy(() -> imports().previewLdap(hr.id(), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("Two entries have the account name ann: uid=ann,ou=people,dc=example,dc=org and uid=ann,ou=teams,dc=example,dc=org;"
                                + " the user id attribute must be unique"));
    }

    @Test
    void every_problem_of_the_directory_is_reported_at_once() throws Exception {
        // a member that does not exist, an OU as a member, a second entry named ann, and two groups named it-admins:
        // before, the duplicate name showed only once the other problems were fixed
        directory.modify("cn=it-admins," + GROUPS, new Modification(ModificationType.ADD, "member", user("ghost")));
        directory.modify("cn=finance," + GROUPS, new Modification(ModificationType.ADD, "member", "ou=teams," + BASE));
        directory.add("dn: uid=ann,ou=teams," + BASE, "objectClass: inetOrgPerson", "uid: ann", "cn: Another Ann", "sn: Ann");
        directory.modify("cn=it-admins," + GROUPS, new Modification(ModificationType.ADD, "member", "uid=ann,ou=teams," + BASE));
        directory.add("dn: ou=archive," + GROUPS, "objectClass: organizationalUnit", "ou: archive");
        group("ou=archive," + GROUPS, "it-admins", user("ben"));
        ldap().save(settings(hr, PASSWORD));

        assertThatThrownBy(() -> imports().previewLdap(hr.id(), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    List<String> messages = e.problems().stream().map(Problem::message).toList();
                    assertThat(messages).hasSize(4).contains(
                            user("ghost") + " (member of cn=it-admins," + GROUPS + ") cannot be read: it does not exist, or the bind DN may not read it",
                            "ou=teams," + BASE + " (member of cn=finance," + GROUPS + ") is neither a user (it has no uid) nor a group",
                            "Two entries have the account name ann: uid=ann,ou=people,dc=example,dc=org and uid=ann,ou=teams,dc=example,dc=org;"
                                    + " the user id attribute must be unique");
                    assertThat(messages).anyMatch(m -> m.startsWith("Two groups are named it-admins: "));
                    assertThat(e.problems()).extracting(Problem::line).containsOnly(0L);
                });
        assertThat(currentGrants(hr)).isEmpty();
    }

    @Test
    void an_ldaps_address_at_a_plain_ldap_port_says_the_server_does_not_speak_tls() throws Exception {
        int port = directory.getListenPort();
        String noTls = "The server at localhost:" + port + " does not speak TLS: use its LDAPS port (usually 636), or ldap://"
                + " (unencrypted: the console does not negotiate StartTLS)";
        LdapSettings ldaps = withUrlAndPassword(settings(hr, PASSWORD), "ldaps://localhost:" + port, PASSWORD);
        // this directory answers the TLS hello with an LDAP notice: the JDK says "Unsupported or unrecognized SSL message"
        assertThat(ldap().testConnection(ldaps)).isEqualTo(new ConnectionTest(false, noTls));
        ldap().save(ldaps);
        assertThatThrownBy(() -> imports().previewLdap(hr.id(), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly(noTls));

        // OpenLDAP closes the connection on the TLS hello instead: "Remote host terminated the handshake"
        try (ServerSocket closesOnTls = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> closeOnTlsElseForward(closesOnTls, port));
            int other = closesOnTls.getLocalPort();
            assertThat(ldap().testConnection(withUrlAndPassword(ldaps, "ldaps://localhost:" + other, PASSWORD)).message())
                    .isEqualTo(noTls.replace(":" + port, ":" + other));
            assertThat(ldap().testConnection(withUrlAndPassword(ldaps, "ldap://localhost:" + other, PASSWORD)).connected())
                    .as("the same port over ldap://").isTrue();
        }
    }

    /** Like slapd: a connection that starts with a TLS hello (0x16) is closed unanswered; LDAP goes to the directory. */
    private static void closeOnTlsElseForward(ServerSocket server, int directoryPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        int first = client.getInputStream().read();
                        if (first == 0x16 || first < 0) {
                            return;
                        }
                        try (Socket upstream = new Socket("localhost", directoryPort)) {
                            upstream.getOutputStream().write(first);
                            Thread back = Thread.ofVirtual().start(() -> {
                                try {
                                    upstream.getInputStream().transferTo(client.getOutputStream());
                                } catch (java.io.IOException closed) {
                                    // either side closed
                                }
                            });
                            client.getInputStream().transferTo(upstream.getOutputStream());
                            upstream.shutdownOutput();
                            back.join(5_000);
                        }
                    } catch (Exception closed) {
                        // either side closed
                    }
                });
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }

    @Test
    void a_system_without_an_ldap_source_cannot_be_imported_from_ldap() {
        assertThatThrownBy(() -> imports().previewLdap(hr.id(), AccessImport.Progress.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("No LDAP source is set up for this system; set one up first"));
    }

    @Test
    void bad_settings_are_refused_field_by_field_and_nothing_is_saved() {
        LdapSettings bad = new LdapSettings(hr.id(), "http://ldap.example.org", "not a dn", null, false, " ", "(objectClass=group",
                "mem ber", "", "uid", null, "mail", "cn", null, 0, null);
        assertThatThrownBy(() -> ldap().save(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems().stream().collect(Collectors.toMap(InvalidInputException.Problem::field,
                        InvalidInputException.Problem::message))).isEqualTo(Map.of(
                        "url", "The address must start with ldap:// or ldaps://",
                        "bindDn", "Not a DN: not a dn (e.g. cn=steward,ou=services,dc=example,dc=org)",
                        "bindPassword", "Enter the password of the bind DN (or clear the bind DN to connect anonymously)",
                        "groupBaseDn", "Enter the DN under which the groups are, e.g. ou=groups,dc=example,dc=org",
                        "groupFilter", "Not an LDAP filter: (objectClass=group (e.g. (objectClass=groupOfNames), with the parentheses)",
                        "memberAttribute", "Not an attribute name: mem ber (letters, digits and hyphens, starting with a letter)",
                        "groupNameAttribute", "Enter the attribute that holds the group's name (cn)",
                        "connectTimeoutSeconds", "The timeout must be between 1 and 120 seconds")));
        assertThat(ldap().get(hr.id())).isEmpty();

        LdapSettings withPath = new LdapSettings(hr.id(), "ldap://localhost:389/" + BASE, null, null, false, GROUPS, null,
                "member", "cn", "uid", null, null, null, null, 5, null);
        assertThatThrownBy(() -> ldap().save(withPath)).hasMessage(
                "Write only the host and port here (ldap://host:389); the base DN and filter have their own fields");
    }

    @Test
    void the_password_is_stored_but_never_returned_nor_audited_nor_sent_to_another_server() {
        LdapSettings saved = ldap().save(settings(hr, PASSWORD));
        assertThat(saved.bindPassword()).isNull();
        assertThat(saved.passwordSet()).isTrue();
        assertThat(saved.toString()).doesNotContain(PASSWORD);
        LdapSettings read = ldap().get(hr.id()).orElseThrow();
        assertThat(read.bindPassword()).isNull();
        assertThat(read.passwordSet()).isTrue();
        assertThat(read.groupFilter()).isEqualTo("(objectClass=groupOfNames)");
        String stored = dsl.fetchValue("select bind_password from reviews.ldap_source where system_id = ?", hr.id()).toString();
        assertThat(stored).startsWith("sealed:v1:").doesNotContain(PASSWORD); // a database dump shows no password

        // saving again without a password keeps it
        LdapSettings resaved = ldap().save(withUrlAndPassword(read, url(), null));
        assertThat(resaved.passwordSet()).isTrue();
        assertThat(ldap().testConnection(hr.id()).connected()).isTrue();
        assertThat(dsl.fetchValue("select string_agg(coalesce(before_data, '') || coalesce(after_data, ''), ' ') from platform.audit_log"
                + " where entity_type = 'ldap_source' and entity_id = ?", String.valueOf(hr.id())).toString())
                .contains("(redacted)").doesNotContain(PASSWORD);

        // another address with the stored password: refused, for the test as for the save
        LdapSettings elsewhere = withUrlAndPassword(resaved, "ldap://attacker.example.net:389", null);
        assertThatThrownBy(() -> ldap().testConnection(elsewhere)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InvalidInputException.Problem::message)
                        .containsExactly("Enter the password again: the address or bind DN changed"));
        assertThatThrownBy(() -> ldap().save(elsewhere)).hasMessage("Enter the password again: the address or bind DN changed");

        // a stale form is refused
        assertThatThrownBy(() -> ldap().save(read)).isInstanceOf(ConcurrentChangeException.class);

        // a password stored before passwords were sealed still works, and is sealed at the next save
        dsl.execute("update reviews.ldap_source set bind_password = ? where system_id = ?", PASSWORD, hr.id());
        assertThat(ldap().testConnection(hr.id()).connected()).isTrue();
        ldap().save(withUrlAndPassword(ldap().get(hr.id()).orElseThrow(), url(), null));
        assertThat(dsl.fetchValue("select bind_password from reviews.ldap_source where system_id = ?", hr.id()).toString())
                .startsWith("sealed:v1:");
        assertThat(ldap().testConnection(hr.id()).connected()).isTrue();

        LdapSettings tooLong = withUrlAndPassword(ldap().get(hr.id()).orElseThrow(), url(), "x".repeat(257));
        assertThatThrownBy(() -> ldap().save(tooLong)).hasMessage("The password is longer than 256 characters");
    }

    @Test
    void the_connection_test_says_what_works_and_what_does_not() throws Exception {
        LdapSettings good = settings(hr, PASSWORD);
        assertThat(ldap().testConnection(good)).isEqualTo(new ConnectionTest(true, "Connected to localhost:" + directory.getListenPort()
                + " and bound as " + BIND_DN + "; 3 groups under " + GROUPS + " match (objectClass=groupOfNames)"));

        ConnectionTest wrongPassword = ldap().testConnection(settings(hr, "wrong"));
        assertThat(wrongPassword.connected()).isFalse();
        assertThat(wrongPassword.message()).isEqualTo("The directory refused the bind DN or its password (invalid credentials) for " + BIND_DN);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionTest unreachable = ldap().testConnection(withUrlAndPassword(good, "ldap://localhost:" + closedPort, PASSWORD));
        assertThat(unreachable).isEqualTo(new ConnectionTest(false, "Could not reach the directory at localhost:" + closedPort
                + ". Check the address, the port and the certificate (ldaps), and that the directory runs; the console's log has the detail"));

        LdapSettings missingBase = new LdapSettings(hr.id(), url(), BIND_DN, PASSWORD, false, "ou=nowhere," + BASE, null, "member", "cn", "uid",
                null, "mail", "cn", null, 5, null);
        assertThat(ldap().testConnection(missingBase).message()).isEqualTo("Connected to localhost:" + directory.getListenPort()
                + " and bound as " + BIND_DN + ", but the group base DN ou=nowhere," + BASE + " does not exist (or may not be read)");

        try (ServerSocket silent = new ServerSocket(0)) { // accepts the connection, never answers the bind
            LdapSettings slow = new LdapSettings(hr.id(), "ldap://localhost:" + silent.getLocalPort(), BIND_DN, PASSWORD, false, GROUPS, null,
                    "member", "cn", "uid", null, null, null, null, 1, null);
            assertThat(ldap().testConnection(slow).message()).as("no answer reads like no listener (LdapProbeAttackTest)")
                    .startsWith("Could not reach the directory at localhost:" + silent.getLocalPort() + ". ");
        }
        assertThat(ldap().testConnection(hr.id())).isEqualTo(new ConnectionTest(false, "No LDAP source is set up for this system"));
    }

    @Test
    void auditors_cannot_see_change_test_or_import_an_ldap_source() {
        ldap().save(settings(hr, PASSWORD));
        loginAs("aud", Role.AUDITOR);
        assertThatThrownBy(() -> ldap().get(hr.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ldap().save(settings(hr, PASSWORD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ldap().testConnection(hr.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports().previewLdap(hr.id(), AccessImport.Progress.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports().commitLdap(hr.id(), AccessImport.Progress.NONE)).isInstanceOf(AccessDeniedException.class);
    }

    static String url() {
        return "ldap://localhost:" + directory.getListenPort();
    }

    static LdapSettings settings(SystemInfo system, String password) {
        return new LdapSettings(system.id(), url(), BIND_DN, password, false, GROUPS, "", "member", "cn", "uid", "employeeNumber", "mail",
                "cn", "lastLogon", 5, null);
    }

    private static LdapSettings withUrlAndPassword(LdapSettings s, String url, String password) {
        return new LdapSettings(s.systemId(), url, s.bindDn(), password, s.passwordSet(), s.groupBaseDn(), s.groupFilter(), s.memberAttribute(),
                s.groupNameAttribute(), s.userIdAttribute(), s.employeeIdAttribute(), s.emailAttribute(), s.displayNameAttribute(),
                s.lastLoginAttribute(), s.connectTimeoutSeconds(), s.version());
    }

    private List<String> currentGrants(SystemInfo system) {
        return dsl.fetch("select account_name || ' · ' || entitlement from reviews.access_grant where system_id = ? and removed_import is null",
                system.id()).getValues(0, String.class);
    }

    private LdapSourceService ldap() {
        return bean(LdapSourceService.class);
    }

    private AccessImport imports() {
        return bean(AccessImport.class);
    }

    static String user(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    static void person(String uid, String name, String employeeNumber, String lastLogon) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("dn: " + user(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                "sn: " + name.substring(name.indexOf(' ') + 1), "mail: " + uid + "@example.org"));
        if (employeeNumber != null) {
            lines.add("employeeNumber: " + employeeNumber);
        }
        if (lastLogon != null) {
            lines.add("lastLogon: " + lastLogon);
        }
        directory.add(lines.toArray(String[]::new));
    }

    static void group(String parent, String name, String... members) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("dn: cn=" + name + "," + parent, "objectClass: groupOfNames", "cn: " + name));
        for (String member : members) {
            lines.add("member: " + member);
        }
        directory.add(lines.toArray(String[]::new));
    }
}
