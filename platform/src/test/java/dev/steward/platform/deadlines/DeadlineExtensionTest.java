package dev.steward.platform.deadlines;

import dev.steward.platform.spi.DeadlineSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;

import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "steward.jobs.enabled=false")
@WithMockUser("pat")
class DeadlineExtensionTest {

    @Autowired
    DeadlineService deadlines;
    @Autowired
    DSLContext dsl;

    private static final Instant DUE = Instant.parse("2026-07-01T10:00:00Z");
    private static final DeadlineSource.Deadline DSAR = new DeadlineSource.Deadline("requests:dsar:9:response", "requests",
            "Answer access request 9", "pat", DUE, DeadlineSource.Severity.MEDIUM, "requests/9", DeadlineSource.State.OPEN, null);

    @Test
    void an_extension_needs_a_reason_and_a_later_date_and_is_audited_with_both_dates() {
        assertThatThrownBy(() -> deadlines.recordExtension(DSAR, DUE.plus(Duration.ofDays(60)), " "))
                .hasMessageStartingWith("Say why the deadline moves");
        assertThatThrownBy(() -> deadlines.recordExtension(DSAR, DUE.minusSeconds(1), "complex request"))
                .hasMessage("An extension must move the deadline later");
        deadlines.recordExtension(DSAR, DUE.plus(Duration.ofDays(60)), "Complex request: GDPR Art. 12(3) extension, subject told");
        var entry = dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("EXTEND")).fetchOne();
        assertThat(entry.getActor()).isEqualTo("pat");
        assertThat(entry.getEntityId()).isEqualTo("requests:dsar:9:response");
        assertThat(entry.getBeforeData()).contains("2026-07-01T10:00:00Z");
        assertThat(entry.getAfterData()).contains("2026-08-30T10:00:00Z");
        assertThat(entry.getReason()).startsWith("Complex request");
    }

    @Test
    void items_are_grouped_in_the_viewers_time_zone() {
        Instant now = Instant.parse("2026-06-10T21:30:00Z"); // 23:30 in Berlin, a Wednesday
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        assertThat(WorkGroup.of(Instant.parse("2026-06-10T21:00:00Z"), now, berlin)).isEqualTo(WorkGroup.OVERDUE);
        assertThat(WorkGroup.of(Instant.parse("2026-06-10T21:45:00Z"), now, berlin)).isEqualTo(WorkGroup.TODAY);
        assertThat(WorkGroup.of(Instant.parse("2026-06-10T22:30:00Z"), now, berlin)).as("00:30 Thursday").isEqualTo(WorkGroup.THIS_WEEK);
        assertThat(WorkGroup.of(Instant.parse("2026-06-14T21:00:00Z"), now, berlin)).as("Sunday 23:00").isEqualTo(WorkGroup.THIS_WEEK);
        assertThat(WorkGroup.of(Instant.parse("2026-06-14T22:30:00Z"), now, berlin)).as("Monday 00:30").isEqualTo(WorkGroup.LATER);
        assertThat(WorkGroup.of(Instant.parse("2026-06-10T22:30:00Z"), now, java.time.ZoneId.of("America/New_York")))
                .as("still Wednesday in New York").isEqualTo(WorkGroup.TODAY);
    }
}
