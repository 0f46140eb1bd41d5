package dev.steward.dsr.records;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestType;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.export.PdfReport;
import dev.steward.platform.export.SafeCsv;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;

/** The yearly request metrics (11 CCR 7102), counted in SQL, and their CSV and PDF for publication. */
@Service
public class RequestMetrics {

    private final DSLContext dsl;

    RequestMetrics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public YearlyMetrics of(int year) {
        if (year < 2000 || year > 2100) {
            throw new dev.steward.platform.validation.InvalidInputException("year", "Choose a year between 2000 and 2100");
        }
        Condition inYear = REQUEST.RECEIVED_AT.ge(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .and(REQUEST.RECEIVED_AT.lt(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        List<YearlyMetrics.Row> rows = new ArrayList<>();
        dsl.select(figures(REQUEST_TYPE.TYPE)).from(REQUEST.join(REQUEST_TYPE).on(REQUEST_TYPE.REQUEST_ID.eq(REQUEST.ID)))
                .where(inYear).groupBy(REQUEST_TYPE.TYPE).orderBy(REQUEST_TYPE.TYPE)
                .forEach(r -> rows.add(row(r.get(REQUEST_TYPE.TYPE), r)));
        Record total = dsl.select(figures(DSL.inline((RequestType) null, REQUEST_TYPE.TYPE))).from(REQUEST).where(inYear).fetchOne();
        return new YearlyMetrics(year, rows, row(null, total));
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public void writeCsv(int year, OutputStream out, ExportProgress progress) {
        YearlyMetrics metrics = of(year);
        try (SafeCsv csv = SafeCsv.open(out, "year", "request_type", "received", "complied_in_whole", "complied_in_part", "denied",
                "not_verified", "withdrawn", "still_open", "median_days_to_respond")) {
            long written = 0;
            for (YearlyMetrics.Row row : withTotal(metrics)) {
                csv.row(year, row.type() == null ? "ALL" : row.type().name(), row.received(), row.compliedInWhole(), row.compliedInPart(),
                        row.denied(), row.unverified(), row.withdrawn(), row.stillOpen(), row.medianDays() == null ? "" : row.medianDays());
                progress.rowsWritten(++written);
            }
        }
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public void writePdf(int year, OutputStream out, ExportProgress progress) {
        YearlyMetrics metrics = of(year);
        try (PdfReport pdf = PdfReport.start(out, "Privacy rights requests received in " + year)) {
            pdf.meta("Basis", "California Consumer Privacy Act Regulations, 11 CCR 7102(a): requests received, complied with "
                    + "in whole or in part, and denied, and the median number of days to respond substantively");
            pdf.meta("Counting", "A request asking for several things counts under each; days are calendar days from receipt to the answer");
            pdf.table("Request", "Received", "Complied in whole", "Complied in part",
                    "Denied", "Not verified", "Withdrawn", "Still open", "Median days");
            long written = 0;
            for (YearlyMetrics.Row row : withTotal(metrics)) {
                pdf.row(row.label(), row.received(), row.compliedInWhole(), row.compliedInPart(), row.denied(), row.unverified(),
                        row.withdrawn(), row.stillOpen(), row.medianDays() == null ? "–" : "%.1f".formatted(row.medianDays()));
                progress.rowsWritten(++written);
            }
        }
    }

    private static List<YearlyMetrics.Row> withTotal(YearlyMetrics metrics) {
        List<YearlyMetrics.Row> all = new ArrayList<>(metrics.rows());
        all.add(metrics.total());
        return all;
    }

    private static List<Field<?>> figures(Field<RequestType> type) {
        Field<BigDecimal> days = DSL.field("extract(epoch from ({0} - {1})) / 86400.0", BigDecimal.class, REQUEST.CLOSED_AT, REQUEST.RECEIVED_AT);
        return List.of(type,
                DSL.count().as("received"),
                count(REQUEST.OUTCOME.eq(Outcome.COMPLETED)).as("whole"),
                count(REQUEST.OUTCOME.eq(Outcome.PARTIALLY_COMPLETED)).as("part"),
                count(REQUEST.OUTCOME.eq(Outcome.DENIED)).as("denied"),
                count(REQUEST.OUTCOME.in(Outcome.UNVERIFIED, Outcome.TREATED_AS_OPT_OUT)).as("unverified"),
                count(REQUEST.OUTCOME.eq(Outcome.WITHDRAWN)).as("withdrawn"),
                count(REQUEST.CLOSED_AT.isNull()).as("open"),
                DSL.percentileCont(0.5).withinGroupOrderBy(days).filterWhere(REQUEST.CLOSED_AT.isNotNull()
                        .and(REQUEST.OUTCOME.ne(Outcome.WITHDRAWN))).as("median"));
    }

    private static Field<Integer> count(Condition condition) {
        return DSL.count().filterWhere(condition);
    }

    private static YearlyMetrics.Row row(RequestType type, Record r) {
        BigDecimal median = r.get("median", BigDecimal.class);
        return new YearlyMetrics.Row(type, r.get("received", Integer.class), r.get("whole", Integer.class), r.get("part", Integer.class),
                r.get("denied", Integer.class), r.get("unverified", Integer.class), r.get("withdrawn", Integer.class),
                r.get("open", Integer.class), median == null ? null : median.doubleValue());
    }
}
