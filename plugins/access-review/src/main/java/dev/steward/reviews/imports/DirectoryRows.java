package dev.steward.reviews.imports;

import dev.steward.platform.Sha256;
import dev.steward.reviews.ldap.Membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Hands memberships read from a directory on as import rows, numbering them as lines, and hashes them as they go. The
 * reader sends them in a stable order (group name, then account), so the hash is a fingerprint of the directory's
 * content: two imports of an unchanged directory have the same SHA-256, as two copies of one file do.
 */
final class DirectoryRows {

    private final ImportRows rows;
    private final MessageDigest digest = Sha256.digest();
    private long line;

    DirectoryRows(ImportRows rows) {
        this.rows = rows;
    }

    void add(Membership m) {
        line++;
        try {
            // the entry's DN is the row's source: one account name must be one entry
            rows.add(line, m.account(), m.entitlement(), m.employeeId(), m.email(), m.displayName(), m.lastLogin(), false, m.grantedVia(),
                    m.entryDn());
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

    String sha256() {
        return Sha256.hex(digest);
    }
}
