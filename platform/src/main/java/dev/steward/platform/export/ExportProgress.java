package dev.steward.platform.export;

import java.util.function.BooleanSupplier;

/** Told how many rows an export has written; asked whether the user cancelled. */
public interface ExportProgress {

    ExportProgress NONE = of(rows -> { }, () -> false);

    void rowsWritten(long rows);

    boolean cancelled();

    static ExportProgress of(java.util.function.LongConsumer rows, BooleanSupplier cancelled) {
        return new ExportProgress() {
            public void rowsWritten(long n) {
                rows.accept(n);
            }

            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** Thrown inside an export the user cancelled; whatever was written is to be discarded. */
    class Cancelled extends RuntimeException {
        public Cancelled() {
            super("Export cancelled");
        }
    }
}
