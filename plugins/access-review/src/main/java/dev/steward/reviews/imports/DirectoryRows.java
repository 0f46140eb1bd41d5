package dev.steward.reviews.imports;

import dev.steward.reviews.ldap.Membership;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Streams memberships read from a directory into the staging table with COPY, numbering them as lines, and hashes
 * them as they go. The reader sends them in a stable order (group name, then account), so the hash is a fingerprint of
 * the directory's content: two imports of an unchanged directory have the same SHA-256, as two copies of one file do.
 */
final class DirectoryRows implements AutoCloseable {

    private final PGCopyOutputStream copy;
    private final CSVPrinter out;
    private final MessageDigest digest;
    private long line;

    DirectoryRows(PGConnection connection) throws SQLException {
        copy = new PGCopyOutputStream(connection, "copy import_stage (line, account_name, entitlement, employee_id, email,"
                + " display_name, last_login, source) from stdin with (format csv)", 1 << 16);
        try {
            out = new CSVPrinter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), CSVFormat.POSTGRESQL_CSV);
            digest = MessageDigest.getInstance("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    void add(Membership m) {
        line++;
        String lastLogin = m.lastLogin() == null ? null : m.lastLogin().toString();
        Object[] row = {line, m.account(), m.entitlement(), m.employeeId(), m.email(), m.displayName(), lastLogin, m.entryDn()};
        try {
            out.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what the snapshot keeps (not the DN): the same accounts and grants give the same hash
        StringBuilder text = new StringBuilder();
        for (Object value : new Object[]{m.account(), m.entitlement(), m.employeeId(), m.email(), m.displayName(), lastLogin}) {
            text.append(value == null ? "" : value).append('\u001f');
        }
        digest.update(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    long rows() {
        return line;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
