package dev.steward.reviews.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.ldap.LdapSettings;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator sets up a system's LDAP source, tests it and imports from it, through the real components. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class LdapSourceDialogTest extends KaribuTest {

    static final String BASE = "dc=example,dc=org";

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    InMemoryDirectoryServer directory;

    @BeforeEach
    void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=steward," + BASE, "bind-pw");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", 0));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: domain", "dc: example");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        directory.add("dn: uid=ann,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: ann", "cn: Ann Archer", "sn: Archer");
        directory.add("dn: uid=ben,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: ben", "cn: Ben Baker", "sn: Baker");
        directory.add("dn: cn=payroll,ou=groups," + BASE, "objectClass: groupOfNames", "cn: payroll",
                "member: uid=ann,ou=people," + BASE, "member: uid=ben,ou=people," + BASE);
        directory.startListening();
    }

    @AfterEach
    void stopDirectory() {
        directory.shutDown(true);
    }

    @Test
    void an_administrator_saves_the_settings_tests_the_connection_previews_and_imports() throws Exception {
        loginAs("sam-analyst", Role.SECURITY_ANALYST);
        SystemInfo payroll = bean(SystemService.class).save(new SystemInfo(null, "pay-" + suffix, "Payroll " + suffix, null,
                SystemInfo.Criticality.HIGH, true, null, 0));
        UI.getCurrent().navigate(SystemsView.class);
        SystemsView view = _get(SystemsView.class);
        int row = GridKt._findAll(view.grid).stream().map(SystemInfo::id).toList().indexOf(payroll.id());
        _click(_get(GridKt._getCellComponent(view.grid, row, "actions"), Button.class, spec -> spec.withText("LDAP source")));
        LdapSourceDialog dialog = _get(LdapSourceDialog.class);
        assertThat(dialog.importPanel.preview.isEnabled()).isFalse(); // nothing saved yet
        assertThat(dialog.settings.password.getHelperText()).isEqualTo("not set");
        assertThat(dialog.settings.cleartext.isVisible()).as("nothing typed yet").isFalse();

        // a wrong address and a bind DN without password: shown on their fields, nothing saved
        setValue(dialog.settings.url, "ldap.example.org");
        setValue(dialog.settings.bindDn, "cn=steward," + BASE);
        _click(dialog.save);
        assertThat(dialog.settings.url.isInvalid()).isTrue();
        assertThat(dialog.settings.url.getErrorMessage()).isEqualTo("The address must start with ldap:// or ldaps://");
        assertThat(dialog.settings.password.isInvalid()).isTrue();
        assertThat(bean(LdapSourceService.class).get(payroll.id())).isEmpty();

        setValue(dialog.settings.url, "ldaps://localhost:" + directory.getListenPort());
        assertThat(dialog.settings.cleartext.isVisible()).as("ldaps: encrypted").isFalse();
        setValue(dialog.settings.url, "ldap://localhost:" + directory.getListenPort());
        assertThat(dialog.settings.cleartext.isVisible()).as("a bind DN over ldap://, before saving or testing").isTrue();
        assertThat(dialog.settings.cleartext.getText()).isEqualTo(LdapSettings.CLEARTEXT_WARNING);
        setValue(dialog.settings.password, "bind-pw");
        setValue(dialog.settings.groupBaseDn, "ou=groups," + BASE);
        _click(dialog.test);
        finish(dialog);
        assertThat(dialog.importPanel.status.getText()).isEqualTo("✔ Connected to localhost:" + directory.getListenPort() + " and bound as cn=steward,"
                + BASE + "; 1 group under ou=groups," + BASE + " matches (objectClass=groupOfNames)");

        _click(dialog.save);
        assertThat(dialog.settings.url.isInvalid()).isFalse();
        assertThat(dialog.settings.password.getValue()).isEmpty();
        assertThat(dialog.settings.password.getHelperText()).isEqualTo("set; leave empty to keep it");
        assertThat(dialog.importPanel.preview.isEnabled()).isTrue();

        _click(dialog.importPanel.preview);
        finish(dialog);
        assertThat(dialog.importPanel.status.getText()).startsWith("2 rows, 2 accounts. Grants: 2 added, 0 removed");
        _click(dialog.importPanel.commit);
        finish(dialog);
        assertThat(dialog.importPanel.status.getText()).startsWith("Imported as snapshot #");

        // ben holds payroll through a new group now: no grant of payroll added or removed, but one held another way
        directory.add("dn: cn=payroll-admins,ou=groups," + BASE, "objectClass: groupOfNames", "cn: payroll-admins",
                "member: uid=ben,ou=people," + BASE);
        directory.modify("cn=payroll,ou=groups," + BASE,
                new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.DELETE, "member", "uid=ben,ou=people," + BASE),
                new com.unboundid.ldap.sdk.Modification(com.unboundid.ldap.sdk.ModificationType.ADD, "member", "cn=payroll-admins,ou=groups," + BASE));
        _click(dialog.importPanel.preview);
        finish(dialog);
        assertThat(dialog.importPanel.status.getText()).isEqualTo("3 rows, 2 accounts. Grants: 1 added, 0 removed, 1 how granted changed,"
                + " 1 unchanged. Accounts: 0 added, 0 changed, 0 removed. Added e.g. ben · payroll-admins."
                + " How granted changed e.g. ben · payroll: direct member → via group payroll-admins.");
        _click(dialog.importPanel.commit);
        finish(dialog);
        assertThat(dialog.importPanel.status.getText()).startsWith("Imported as snapshot #2: 1 grants added, 0 removed, 1 how granted changed.");

        // a member that cannot be read: the problem is listed, nothing imported
        directory.modify("cn=payroll,ou=groups," + BASE, new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.ADD, "member", "uid=gone,ou=people," + BASE));
        _click(dialog.importPanel.preview);
        finish(dialog);
        assertThat(dialog.importPanel.problems.isVisible()).isTrue();
        assertThat(GridKt._get(dialog.importPanel.problems, 0).message()).startsWith("uid=gone,ou=people," + BASE + " (member of cn=payroll");

        // editing the settings disables the import until they are saved
        setValue(dialog.settings.groupFilter, "(objectClass=groupOfUniqueNames)");
        assertThat(dialog.importPanel.commit.isEnabled()).isFalse();
    }

    private <T> T bean(Class<T> type) {
        return registry.contextOf("reviews").orElseThrow().getBean(type);
    }

    private static void finish(LdapSourceDialog dialog) throws Exception {
        dialog.importPanel.work.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
    }
}
