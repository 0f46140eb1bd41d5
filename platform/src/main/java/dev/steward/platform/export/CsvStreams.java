package dev.steward.platform.export;

import org.jooq.Cursor;
import org.jooq.Record;

import java.io.OutputStream;
import java.util.function.Function;

/**
 * Writes a jOOQ cursor to CSV row by row: with a fetch size inside a transaction PostgreSQL streams the rows, so
 * an export of a million rows runs in constant memory. Reports progress every 1,000 rows and stops when cancelled.
 */
public final class CsvStreams {

    private CsvStreams() {
    }

    public static <R extends Record> long write(Cursor<R> cursor, OutputStream out, String[] header,
                                                Function<R, Object[]> cells, ExportProgress progress) {
        long rows = 0;
        try (SafeCsv csv = SafeCsv.open(out, header)) {
            for (R record : cursor) {
                csv.row(cells.apply(record));
                if (++rows % 1_000 == 0) {
                    progress.rowsWritten(rows);
                    if (progress.cancelled()) {
                        throw new ExportProgress.Cancelled();
                    }
                }
            }
        }
        progress.rowsWritten(rows);
        return rows;
    }
}
