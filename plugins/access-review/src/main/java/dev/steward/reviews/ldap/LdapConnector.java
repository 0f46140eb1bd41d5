package dev.steward.reviews.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import javax.net.SocketFactory;
import java.security.GeneralSecurityException;

/**
 * Opens a bound connection with the settings' timeouts (ldaps: the JVM's trusted certificates and a host name check),
 * and says in plain words why one could not be opened or used.
 */
final class LdapConnector {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LdapConnector.class);

    /** Longest wait for one page of a search during an import. */
    static final long SEARCH_TIMEOUT_MILLIS = 120_000;

    private LdapConnector() {
    }

    /** A connection bound as the settings' bind DN (anonymous without one); the caller closes it. */
    static LDAPConnection connect(LdapSettings s) throws LDAPException {
        LDAPURL url = new LDAPURL(s.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int timeout = s.connectTimeoutSeconds() * 1000;
        options.setConnectTimeoutMillis(timeout);
        options.setResponseTimeoutMillis(timeout);
        options.setResponseTimeoutMillis(OperationType.BIND, timeout);
        options.setResponseTimeoutMillis(OperationType.SEARCH, Math.max(timeout, SEARCH_TIMEOUT_MILLIS));
        options.setAbandonOnTimeout(true);
        SocketFactory sockets = null;
        if (url.getScheme().equals("ldaps")) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            try {
                sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS is not available: " + e.getMessage(), e);
            }
        }
        LDAPConnection connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort());
        try {
            if (s.bindDn() != null) {
                connection.bind(s.bindDn(), s.bindPassword() == null ? "" : s.bindPassword());
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** host:port of the settings, for messages. */
    static String server(LdapSettings s) {
        try {
            LDAPURL url = new LDAPURL(s.url());
            return url.getHost() + ":" + url.getPort();
        } catch (LDAPException e) {
            return s.url();
        }
    }

    /** Why connecting, binding or searching failed, without stack traces or the SDK's wording. */
    static String describe(LDAPException e, LdapSettings s) {
        String server = server(s);
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return "The directory refused the bind DN or its password (invalid credentials) for " + s.bindDn();
        }
        if (networkFailure(code)) {
            // one answer for refused, timed out, unknown host, TLS failure and a server that is no directory: the
            // difference would turn the connection test into a port scanner of the console's network
            log.info("LDAP connection to {} failed: {} ({})", server, code.getName(), causes(e));
            return "Could not reach the directory at " + server + ". Check the address, the port and the certificate (ldaps),"
                    + " and that the directory runs; the console's log has the detail";
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return "not found in the directory";
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return "the bind DN may not read it";
        }
        if (code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return "The directory requires an encrypted connection: use ldaps://";
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
            return "The directory's size limit was reached before all groups were read; raise the limit for the bind DN"
                    + " or narrow the base DN or filter";
        }
        if (code == ResultCode.TIME_LIMIT_EXCEEDED) {
            return "The directory's time limit was reached; narrow the base DN or filter";
        }
        return "The directory answered \"" + code.getName() + "\"" + (e.getDiagnosticMessage() == null ? "" : ": " + e.getDiagnosticMessage());
    }

    /** Why searching the groups failed. */
    static String describeSearch(LDAPException e, LdapSettings s) {
        if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
            return "The group base DN " + s.groupBaseDn() + " does not exist in the directory";
        }
        if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return (s.bindDn() == null ? "An anonymous connection" : s.bindDn()) + " may not search under " + s.groupBaseDn();
        }
        if (e.getResultCode() == ResultCode.FILTER_ERROR) {
            return "The directory does not accept the group filter " + s.groupFilter();
        }
        return describe(e, s);
    }

    /** A failure of the connection as such (not of one entry): the import cannot go on. */
    static boolean connectionLost(LDAPException e) {
        ResultCode code = e.getResultCode();
        return code == ResultCode.SERVER_DOWN || code == ResultCode.CONNECT_ERROR || code == ResultCode.TIMEOUT
                || code == ResultCode.LOCAL_ERROR || code == ResultCode.DECODING_ERROR || code == ResultCode.ENCODING_ERROR
                || code == ResultCode.BUSY || code == ResultCode.UNAVAILABLE;
    }

    /** Result codes the SDK reports for the network or a peer that does not speak LDAP, not for a directory's answer. */
    private static boolean networkFailure(ResultCode code) {
        return code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT
                || code == ResultCode.DECODING_ERROR || code == ResultCode.PROTOCOL_ERROR;
    }

    /** The exception and its causes in one line, for the server's log only. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

}
