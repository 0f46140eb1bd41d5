package dev.steward.reviews.security;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.security.Role;
import dev.steward.reviews.ldap.ConnectionTest;
import dev.steward.reviews.ldap.LdapSettings;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: "Test connection" of an LDAP source told refused from timed out, so whoever holds reviews.admin could map
 * which hosts and ports of the console's network are open. Every network failure now gets one answer; and a bind
 * over ldap:// is recognised as sending the password in clear.
 */
class LdapProbeAttackTest extends PluginServiceTestBase {

    @Override
    protected String pluginId() {
        return "reviews";
    }

    /** A system to point the LDAP connection test at, as the administrator Ivy. */
    private SystemInfo probedSystem() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        return bean(SystemService.class).save(new SystemInfo(null, "probe-" + UUID.randomUUID().toString().substring(0, 6),
                "Probe", null, SystemInfo.Criticality.LOW, true, 90, 0));
    }

    /** A port nothing listens on (any more). */
    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void a_closed_port_a_silent_port_and_a_port_that_speaks_no_ldap_get_the_same_answer() throws Exception {
        SystemInfo system = probedSystem();
        int closedPort = closedPort();
        try (ServerSocket silent = new ServerSocket(0); ServerSocket web = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerLikeAWebServer(web));

            String closed = test(system, closedPort);
            String noAnswer = test(system, silent.getLocalPort());
            String notLdap = test(system, web.getLocalPort());

            assertThat(closed).isEqualTo(generic(closedPort));
            assertThat(noAnswer).isEqualTo(generic(silent.getLocalPort()));
            assertThat(notLdap).isEqualTo(generic(web.getLocalPort()));
            assertThat(closed + noAnswer + notLdap).doesNotContainIgnoringCase("refused").doesNotContainIgnoringCase("within")
                    .doesNotContainIgnoringCase("timed out").doesNotContainIgnoringCase("answer");
        }
    }

    @Test
    void over_ldaps_a_closed_port_a_silent_port_and_a_port_that_speaks_no_ldap_get_the_same_answer_too() throws Exception {
        // an ldaps:// address at a directory that speaks only plain LDAP is told apart (LdapImportTest); a port that
        // fails the TLS handshake but is no directory is not
        SystemInfo system = probedSystem();
        int closedPort = closedPort();
        try (ServerSocket silent = new ServerSocket(0); ServerSocket web = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerLikeAWebServer(web));

            assertThat(test(system, "ldaps", closedPort)).isEqualTo(generic(closedPort));
            assertThat(test(system, "ldaps", silent.getLocalPort())).isEqualTo(generic(silent.getLocalPort()));
            assertThat(test(system, "ldaps", web.getLocalPort())).isEqualTo(generic(web.getLocalPort()));
        }
    }

    @Test
    void a_bind_over_plain_ldap_is_known_to_send_the_password_in_clear() {
        LdapSettings plain = settings(1, "ldap://ldap.example.org:389", "cn=steward,dc=example,dc=org");
        assertThat(plain.sendsPasswordInClear()).isTrue();
        assertThat(settings(1, " LDAP://ldap.example.org", "cn=steward,dc=example,dc=org").sendsPasswordInClear()).isTrue();
        assertThat(settings(1, "ldaps://ldap.example.org:636", "cn=steward,dc=example,dc=org").sendsPasswordInClear()).isFalse();
        assertThat(settings(1, "ldap://ldap.example.org:389", null).sendsPasswordInClear()).as("anonymous: no password").isFalse();
        assertThat(LdapSettings.CLEARTEXT_WARNING).contains("unencrypted").contains("ldaps://");
    }

    private String test(SystemInfo system, int port) {
        return test(system, "ldap", port);
    }

    private String test(SystemInfo system, String scheme, int port) {
        ConnectionTest result = bean(LdapSourceService.class).testConnection(settings(system.id(), scheme + "://localhost:" + port,
                "cn=steward,dc=example,dc=org"));
        assertThat(result.connected()).isFalse();
        return result.message();
    }

    private static String generic(int port) {
        return "Could not reach the directory at localhost:" + port + ". Check the address, the port and the certificate (ldaps),"
                + " and that the directory runs; the console's log has the detail";
    }

    private static LdapSettings settings(long systemId, String url, String bindDn) {
        return new LdapSettings(systemId, url, bindDn, "s3cret", false, "ou=groups,dc=example,dc=org", "", "member", "cn", "uid", null,
                null, null, null, 1, null);
    }

    /** Accepts connections and answers each with an HTTP response, then closes it: an open port that is no directory. */
    private static void answerLikeAWebServer(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (Exception closed) {
                return;
            }
        }
    }
}
