package dev.steward.dsr.records;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The yearly figures, each test counted in a year of its own that no other test uses (the database is shared), so
 * that the counts are exact.
 */
class RequestMetricsTest extends DsrTestBase {


    @Test
    void each_kind_of_request_is_counted_by_outcome_with_the_median_days_to_respond() {
        int year = 2011;
        request(year, RequestType.DELETION, Outcome.COMPLETED, 10);
        request(year, RequestType.DELETION, Outcome.DENIED, 20);
        request(year, RequestType.DELETION, Outcome.TREATED_AS_OPT_OUT, 40);
        request(year, RequestType.ACCESS_SPECIFIC, Outcome.PARTIALLY_COMPLETED, 30);
        request(year, RequestType.ACCESS_SPECIFIC, null, 0);

        YearlyMetrics metrics = bean(RequestMetrics.class).of(year);

        YearlyMetrics.Row deletion = metrics.rows().stream().filter(r -> r.type() == RequestType.DELETION).findFirst().orElseThrow();
        assertThat(deletion.received()).isEqualTo(3);
        assertThat(deletion.compliedInWhole()).isEqualTo(1);
        assertThat(deletion.denied()).isEqualTo(1);
        assertThat(deletion.unverified()).isEqualTo(1);
        assertThat(deletion.medianDays()).isEqualTo(20.0);
        YearlyMetrics.Row access = metrics.rows().stream().filter(r -> r.type() == RequestType.ACCESS_SPECIFIC).findFirst().orElseThrow();
        assertThat(access.compliedInPart()).isEqualTo(1);
        assertThat(access.stillOpen()).isEqualTo(1);
        assertThat(access.medianDays()).isEqualTo(30.0);
        assertThat(metrics.total().received()).isEqualTo(5);
        assertThat(metrics.total().medianDays()).isEqualTo(25.0);
    }

    @Test
    void the_csv_has_a_row_per_kind_and_a_total_and_a_year_out_of_range_is_refused() {
        int year = 2012;
        request(year, RequestType.CORRECTION, Outcome.COMPLETED, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        bean(RequestMetrics.class).writeCsv(year, out, ExportProgress.NONE);

        String csv = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("year,request_type,received,complied_in_whole");
        assertThat(csv).contains(year + ",CORRECTION,1,1,0,0,0,0,0,5.0").contains(year + ",ALL,1,1,");
        assertThatThrownBy(() -> bean(RequestMetrics.class).of(1900)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_pdf_is_a_pdf() {
        loginAsOfficer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bean(RequestMetrics.class).writePdf(2013, out, ExportProgress.NONE);
        assertThat(out.toByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    /** A request received on 1 March of the year, closed {@code days} later with the outcome (null: still open). */
    private void request(int year, RequestType type, Outcome outcome, int days) {
        RightsRequest r = open("US-CA", type);
        if (outcome != null) {
            responded(r.id());
            bean(RightsRequests.class).close(r.id(), r.version(), outcome, outcome == Outcome.COMPLETED ? null : "a reason");
        }
        Instant received = LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        dsl.update(REQUEST).set(REQUEST.RECEIVED_AT, received)
                .set(REQUEST.CLOSED_AT, outcome == null ? null : received.plus(java.time.Duration.ofDays(days)))
                .where(REQUEST.ID.eq(r.id())).execute();
    }
}
