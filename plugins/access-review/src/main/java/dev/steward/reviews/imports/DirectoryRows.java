package dev.steward.reviews.imports;

import dev.steward.platform.Sha256;
import dev.steward.reviews.ldap.Membership;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;

/**
 * Streams memberships read from a directory into the staging table with COPY, numbering them as lines, and hashes
 * them as they go. The reader sends them in a stable order (group name, then account), so the hash is a fingerprint of
 * the directory's content: two imports of an unchanged directory have the same SHA-256, as two copies of one file do.
 */
final class DirectoryRows implements AutoCloseable {

    private final StageWriter out;
    private final MessageDigest digest = Sha256.digest();
    private long line;

    DirectoryRows(PGConnection connection) throws SQLException {
        out = new StageWriter(connection);
    }

    void add(Membership m) {
        line++;
        try {
            out.row(line, m.account(), m.entitlement(), m.employeeId(), m.email(), m.displayName(), m.lastLogin(), m.grantedVia(), m.entryDn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what the snapshot keeps (not the DN): the same accounts and grants give the same hash
        String lastLogin = m.lastLogin() == null ? null : m.lastLogin().toString();
        StringBuilder text = new StringBuilder();
        for (Object value : new Object[]{m.account(), m.entitlement(), m.employeeId(), m.email(), m.displayName(), lastLogin, m.grantedVia()}) {
            text.append(value == null ? "" : value).append('\u001f');
        }
        digest.update(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    long rows() {
        return line;
    }

    String sha256() {
        return Sha256.hex(digest);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
