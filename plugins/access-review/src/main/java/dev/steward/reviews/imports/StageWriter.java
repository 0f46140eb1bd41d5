package dev.steward.reviews.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams checked rows into the staging table with COPY in PostgreSQL's text format (tab-separated, backslash
 * escapes, {@code \N} for null), written by hand: a CSV printer quoting every field took longer than the COPY itself.
 */
final class StageWriter implements AutoCloseable {

    private final Writer out;

    StageWriter(PGConnection connection) throws SQLException {
        out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection, "copy import_stage (line, account_name,"
                + " entitlement, employee_id, email, display_name, last_login, granted_via, source) from stdin", 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    void row(long line, String account, String entitlement, String employeeId, String email, String displayName, Instant lastLogin,
             String grantedVia, String source) throws IOException {
        out.write(Long.toString(line));
        field(account);
        field(entitlement);
        field(employeeId);
        field(email);
        field(displayName);
        field(lastLogin == null ? null : lastLogin.toString());
        field(grantedVia);
        field(source);
        out.write('\n');
    }

    private void field(String value) throws IOException {
        out.write('\t');
        if (value == null) {
            out.write("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            out.write(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Ends the COPY. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
