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
 * CSV for exports: RFC 4180 quoting, UTF-8 with a byte-order mark (so spreadsheets read accents), and cells that a
 * spreadsheet would run as a formula (starting with = + - @ tab or CR) prefixed with an apostrophe.
 */
public final class SafeCsv implements AutoCloseable {

    private final CSVPrinter printer;

    private SafeCsv(Writer writer, String... header) throws IOException {
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
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

    static Object neutralise(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
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
