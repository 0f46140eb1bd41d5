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
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
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
                sockets = new HandshakeTimeout(new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory(), timeout);
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS is not available: " + e.getMessage(), e);
            }
        }
        LDAPConnection connection;
        try {
            connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort());
        } catch (LDAPException e) {
            if (sockets != null && tlsFailed(e) && speaksPlainLdap(url, options)) {
                throw new NoTls(server(s), e);
            }
            throw e;
        }
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

    /**
     * TLS sockets that give up reading after the timeout, also during the handshake: the SDK bounds the TCP connect,
     * then waits for the handshake without a limit, so an ldaps:// address at a port that accepts and stays silent
     * held the connection test (and an import) forever. The SDK sets its own read timeout once connected.
     */
    private static final class HandshakeTimeout extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final int timeoutMillis;

        HandshakeTimeout(SSLSocketFactory tls, int timeoutMillis) {
            this.tls = tls;
            this.timeoutMillis = timeoutMillis;
        }

        private Socket limited(Socket socket) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return limited(tls.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return limited(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return limited(tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return limited(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return limited(tls.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return limited(tls.createSocket(socket, host, port, autoClose));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    /**
     * An ldaps:// address whose server answered in plain LDAP: the TLS handshake failed because the other side does
     * not speak TLS, not because of its certificate.
     */
    private static final class NoTls extends LDAPException {
        final String text;

        NoTls(String server, LDAPException cause) {
            super(ResultCode.CONNECT_ERROR, "no TLS at " + server, cause);
            text = "The server at " + server + " does not speak TLS: use its LDAPS port (usually 636), or ldap:// (unencrypted:"
                    + " the console does not negotiate StartTLS)";
        }
    }

    /** Whether the TLS handshake itself failed (the JDK says "Unsupported or unrecognized SSL message", or that the peer closed). */
    private static boolean tlsFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException && !(t.getCause() instanceof java.security.cert.CertificateException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the server at the address answers LDAP without TLS: an anonymous read of its root DSE (no bind, so no
     * password is sent in clear), where any answer of a directory, even a refusal, counts. Asked only after a TLS
     * handshake failed, so that a port that speaks something else (a web server) still gets the one answer of every
     * network failure (see {@link #describe}): the connection test tells no more about the network than before.
     */
    private static boolean speaksPlainLdap(LDAPURL url, LDAPConnectionOptions options) {
        LDAPConnectionOptions plain = new LDAPConnectionOptions();
        plain.setConnectTimeoutMillis(options.getConnectTimeoutMillis());
        plain.setResponseTimeoutMillis(options.getResponseTimeoutMillis());
        try (LDAPConnection probe = new LDAPConnection(plain, url.getHost(), url.getPort())) {
            probe.getRootDSE();
            return true;
        } catch (LDAPException e) {
            return !e.getResultCode().isClientSideResultCode() && e.getResultCode() != ResultCode.PROTOCOL_ERROR;
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
        if (e instanceof NoTls noTls) {
            log.info("LDAP connection to {} failed: {}", server, causes(e));
            return noTls.text;
        }
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return "The directory refused the bind DN or its password (invalid credentials) for " + s.bindDn();
        }
        if (networkFailure(code)) {
            // one answer for refused, timed out, unknown host, TLS failure and a server that is no directory: the
            // difference would turn the connection test into a port scanner of the console's network (a directory that
            // answers plain LDAP at an ldaps:// address is told apart above: ldap:// to it says as much already)
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
