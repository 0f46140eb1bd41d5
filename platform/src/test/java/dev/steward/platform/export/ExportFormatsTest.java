package dev.steward.platform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "steward.jobs.enabled=false")
class ExportFormatsTest {

    @Autowired
    DSLContext dsl;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_everything_is_quoted_properly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsv csv = SafeCsv.open(out, "a", "b", "c")) {
            csv.row("=1+2", "+cmd", "-2");
            csv.row("@SUM(A1)", "\tTab", "plain, with \"quotes\"\nand a newline");
            csv.row(null, 42, "Zoë");
        }
        byte[] bytes = out.toByteArray();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        var records = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records.get(0).values()).containsExactly("'=1+2", "'+cmd", "'-2");
        assertThat(records.get(1).values()).containsExactly("'@SUM(A1)", "'\tTab", "plain, with \"quotes\"\nand a newline");
        assertThat(records.get(2).values()).containsExactly("", "42", "Zoë");
    }

    @Test
    void headers_are_neutralised_too_and_restore_gives_back_exactly_what_was_exported() throws Exception {
        String[] values = {"=1+2", "+49 30", "-", "@SUM(A1)", "\tTab", "\rCR", "'s-Hertogenbosch", "''", "'", "plain", "it's", ""};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsv csv = SafeCsv.open(out, "=HYPERLINK(\"https://evil.example\")", "name")) {
            for (String value : values) {
                csv.row(value, "x");
            }
        }
        String text = out.toString(StandardCharsets.UTF_8).substring(1);
        var records = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords();
        assertThat(records.getFirst().values()).containsExactly("'=HYPERLINK(\"https://evil.example\")", "name");
        for (int i = 0; i < values.length; i++) {
            String cell = records.get(i + 1).get(0);
            assertThat(cell).as("exported " + values[i]).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            assertThat(SafeCsv.restore(cell)).as("round trip of " + values[i]).isEqualTo(values[i]);
        }
        assertThat(SafeCsv.restore("'s-Hertogenbosch")).as("typed by hand, not escaped by us").isEqualTo("'s-Hertogenbosch");
        assertThat(SafeCsv.restore(null)).isNull();
    }

    @Test
    void a_cursor_streams_to_csv_with_progress_and_stops_when_cancelled() {
        AtomicLong progress = new AtomicLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Long rows = transaction.execute(status -> {
            try (var cursor = dsl.fetchLazy("select g as n, 'row ' || g as label from generate_series(1, 25000) g")) {
                return CsvStreams.write(cursor, out, new String[]{"n", "label"}, r -> new Object[]{r.get(0), r.get(1)},
                        ExportProgress.of(progress::set, () -> false));
            }
        });
        assertThat(rows).isEqualTo(25_000);
        assertThat(progress.get()).isEqualTo(25_000);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(25_001).last().isEqualTo("25000,row 25000");

        assertThatThrownBy(() -> transaction.execute(status -> {
            try (var cursor = dsl.fetchLazy("select g from generate_series(1, 25000) g")) {
                return CsvStreams.write(cursor, new ByteArrayOutputStream(), new String[]{"n"}, r -> new Object[]{r.get(0)},
                        ExportProgress.of(n -> { }, () -> true));
            }
        })).isInstanceOf(ExportProgress.Cancelled.class);
    }

    @Test
    void a_pdf_report_has_its_title_metadata_every_row_and_numbered_pages() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfReport report = PdfReport.start(out, "Breach register")) {
            report.meta("Organisation", "Example GmbH").meta("Period", "2026");
            report.table("Id", "Title", "Notified");
            for (int i = 1; i <= 450; i++) {
                report.row(i, "Incident number " + i, i % 2 == 0 ? "yes" : "no");
            }
        }
        PdfReader reader = new PdfReader(out.toByteArray());
        PdfTextExtractor text = new PdfTextExtractor(reader);
        assertThat(reader.getNumberOfPages()).isGreaterThan(5);
        String first = text.getTextFromPage(1);
        assertThat(first).contains("Breach register").contains("Organisation: Example GmbH").contains("Incident number 1");
        String last = text.getTextFromPage(reader.getNumberOfPages());
        assertThat(last).contains("Incident number 450").contains("page " + reader.getNumberOfPages());
        assertThat(last).contains("Id").as("the header repeats on every page");
    }
}
