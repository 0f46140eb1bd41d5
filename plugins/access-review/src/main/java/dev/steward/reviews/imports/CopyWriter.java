package dev.steward.reviews.imports;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Streams rows into a table with COPY in PostgreSQL's text format (tab-separated, backslash escapes, {@code \N} for
 * null), written by hand: a CSV printer quoting every field took longer than the COPY itself.
 */
final class CopyWriter implements AutoCloseable {

    private final Writer out;
    private boolean rowStarted;

    /** {@code target}: the table and its columns, as in {@code copy <target> from stdin}. */
    CopyWriter(PGConnection connection, String target) throws SQLException {
        out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(connection, "copy " + target + " from stdin", 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    CopyWriter value(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** A field that is known to need no escaping (digits, or text checked once), written as it is. */
    CopyWriter plain(String value) throws IOException {
        separate();
        out.write(value);
        return this;
    }

    CopyWriter value(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            out.write(value);
            return this;
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
        return this;
    }

    void endRow() throws IOException {
        out.write('\n');
        rowStarted = false;
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.write('\t');
        }
        rowStarted = true;
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
