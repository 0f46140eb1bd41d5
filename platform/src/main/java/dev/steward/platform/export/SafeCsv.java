package dev.steward.platform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV for exports: RFC 4180 quoting, UTF-8 with a byte-order mark (so spreadsheets read accents), and every cell,
 * the header's included, that a spreadsheet would run as a formula (starting with = + - @ tab or CR) prefixed with an
 * apostrophe. A cell that itself starts with an apostrophe gets one more, so that {@link #restore} (which imports
 * apply to every value) gives back exactly what was exported: it removes one apostrophe when a trigger character or a
 * second apostrophe follows it, and leaves every other value alone.
 */
public final class SafeCsv implements AutoCloseable {

    private final CSVPrinter printer;

    private SafeCsv(Writer writer, String... header) throws IOException {
        String[] names = Arrays.stream(header).map(name -> neutralise(name).toString()).toArray(String[]::new);
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(names).get());
    }

    /** Starts a CSV on a stream (not closed by this class' close, only flushed). */
    public static SafeCsv open(OutputStream out, String... header) {
        try {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            return new SafeCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(SafeCsv::neutralise).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first characters after which a spreadsheet runs a cell as a formula, and the escape itself. */
    private static final String ESCAPED = "=+-@\t\r'";

    static Object neutralise(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && ESCAPED.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * Undoes exactly what {@link #neutralise} did to a value, for imports of files this class wrote: one leading
     * apostrophe followed by = + - @ tab, CR or another apostrophe is removed; any other value is returned as it is
     * (so "'s-Hertogenbosch" typed by hand stays as typed, and a file written here gives back "''s-Hertogenbosch" as
     * "'s-Hertogenbosch"). Null stays null.
     */
    public static String restore(String value) {
        if (value != null && value.length() >= 2 && value.charAt(0) == '\'' && ESCAPED.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
