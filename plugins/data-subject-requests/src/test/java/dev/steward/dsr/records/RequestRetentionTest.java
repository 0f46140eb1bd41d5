package dev.steward.dsr.records;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.dsr.verification.DataPoints;
import dev.steward.dsr.verification.PointKind;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.VERIFICATION_POINT;
import static org.assertj.core.api.Assertions.assertThat;

class RequestRetentionTest extends DsrTestBase {

    @Autowired
    AttachmentService files;

    @Test
    void a_request_closed_over_24_months_ago_loses_the_requesters_data_and_keeps_its_record() {
        Instant now = Instant.now();
        RightsRequest old = closedAt(now.atOffset(ZoneOffset.UTC).minusMonths(24).minusDays(1).toInstant());
        RightsRequest recent = closedAt(now.atOffset(ZoneOffset.UTC).minusMonths(24).plusDays(1).toInstant());

        bean(RequestRetention.class).purgeDue(now);

        RightsRequest purged = bean(RightsRequests.class).find(old.id()).orElseThrow();
        assertThat(purged.purged()).isTrue();
        assertThat(purged.requester().name()).isNull();
        assertThat(purged.requester().email()).isNull();
        assertThat(purged.details()).isNull();
        assertThat(purged.reference()).isEqualTo(old.reference());
        assertThat(purged.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(purged.types()).containsExactly(RequestType.DELETION);
        assertThat(bean(RequestTimeline.class).of(old.id())).extracting(RequestTimeline.Entry::line)
                .contains(RequestRetention.REMOVED_REMARK, "Customer or account id confirmed by hand: " + RequestRetention.REMOVED_REMARK)
                .noneMatch(text -> text.contains("Rosa") || text.contains(suffix))
                .anyMatch(text -> text.contains("11 CCR 7101(a)") && text.contains("2 note(s) and reason(s)") && text.contains("1 file(s)")
                        && text.contains("1 verification data point(s)"));
        assertThat(files.list(new Attachment.Owner("dsr", "request", String.valueOf(old.id())), false)).isEmpty();
        assertThat(dsl.selectFrom(VERIFICATION_POINT).where(VERIFICATION_POINT.REQUEST_ID.eq(old.id())).fetch())
                .singleElement().satisfies(point -> {
                    assertThat(point.getGivenValue()).isNull();
                    assertThat(point.getHandReason()).doesNotContain("Rosa");
                    assertThat(point.getKind()).isEqualTo("CUSTOMER_ID");
                });
        assertThat(bean(RightsRequests.class).find(recent.id()).orElseThrow().purged()).isFalse();
    }

    @Test
    void a_purged_request_is_not_purged_twice_and_open_requests_never() {
        Instant now = Instant.now();
        RightsRequest old = closedAt(now.atOffset(ZoneOffset.UTC).minusMonths(30).toInstant());
        RightsRequest open = open("DE", RequestType.ACCESS_SPECIFIC);
        dsl.update(REQUEST).set(REQUEST.RECEIVED_AT, now.atOffset(ZoneOffset.UTC).minusMonths(30).toInstant()).where(REQUEST.ID.eq(open.id())).execute();
        RequestRetention retention = bean(RequestRetention.class);
        retention.purgeDue(now);

        retention.purgeDue(now);

        assertThat(bean(RequestTimeline.class).of(old.id())).filteredOn(e -> e.kind() == RequestTimeline.Kind.PURGED).hasSize(1);
        assertThat(bean(RightsRequests.class).find(open.id()).orElseThrow().purged()).isFalse();
    }

    /** A completed deletion request with a note and a file, closed at the given moment. */
    private RightsRequest closedAt(Instant closed) {
        RightsRequest r = open("US-CA", RequestType.DELETION);
        bean(RequestTimeline.class).addNote(r.id(), "Rosa called back from +1 555 0100");
        bean(DataPoints.class).confirmByHand(r.id(), PointKind.CUSTOMER_ID, "C-" + suffix, "Rosa read it from her invoice");
        try {
            files.upload(new Attachment.Owner("dsr", "request", String.valueOf(r.id())), "letter.txt",
                    new java.io.ByteArrayInputStream("Dear Sir, delete my data. Rosa".getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        responded(r.id());
        RightsRequest done = bean(RightsRequests.class).close(r.id(), r.version(), Outcome.COMPLETED, null);
        dsl.update(REQUEST).set(REQUEST.CLOSED_AT, closed).where(REQUEST.ID.eq(done.id())).execute();
        return done;
    }
}
