package dev.steward.dsr.fulfilment;

import dev.steward.dsr.records.RequestRetention;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.UploadedFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

class FulfilmentPurgeTest extends FulfilmentTestBase {

    @Test
    void the_retention_purge_removes_task_outcomes_evidence_references_and_exception_reasons_and_keeps_what_was_done() {
        holders(system("CRM", null, "contact"), processor("Mailer", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        var tasks = mine(bean(FulfilmentTasks.class).startFulfilment(request.id()));
        Task crm = tasks.stream().filter(t -> t.action() == TaskAction.DELETE).findFirst().orElseThrow();
        Task mailer = tasks.stream().filter(t -> t.action() == TaskAction.INSTRUCT_DELETE).findFirst().orElseThrow();
        try (UploadedFile evidence = UploadedFile.copyOf("log.txt", ("deleted Rosa " + suffix).getBytes(StandardCharsets.UTF_8))) {
            bean(TaskOutcomes.class).complete(crm.id(), crm.version(), TaskCompletion.of("Deleted Rosa's account " + suffix).withEvidence(evidence));
        }
        bean(TaskOutcomes.class).complete(mailer.id(), mailer.version(), TaskCompletion.confirmed("Told them", LocalDate.now(), "Rosa-" + suffix));
        bean(DeletionExceptions.class).record(request.id(), "payment", ExceptionBasis.CCPA_D8, "Rosa's invoices " + suffix);
        bean(Responses.class).recordSent(bean(Responses.class).prepare(request.id()).id(), SendMethod.EMAIL, Instant.now());
        RightsRequest closed = bean(RightsRequests.class).close(request.id(), request.version(), Outcome.COMPLETED, null);
        Instant now = Instant.now();
        dsl.update(REQUEST).set(REQUEST.CLOSED_AT, now.atOffset(ZoneOffset.UTC).minusMonths(25).toInstant()).where(REQUEST.ID.eq(closed.id())).execute();

        bean(RequestRetention.class).purgeDue(now);

        var after = bean(FulfilmentTasks.class).tasksOf(request.id());
        assertThat(after).extracting(Task::status).containsOnly(TaskStatus.DONE);
        assertThat(after).allSatisfy(t -> {
            assertThat(t.outcome()).isEqualTo(FulfilmentPurge.REMOVED);
            assertThat(t.subject()).isNull();
        });
        assertThat(after).filteredOn(t -> t.confirmedOn() != null).singleElement()
                .satisfies(t -> assertThat(t.confirmationRef()).isEqualTo(FulfilmentPurge.REMOVED));
        assertThat(bean(AttachmentService.class).list(TaskFiles.task(crm.id()), false)).isEmpty();
        assertThat(bean(DeletionExceptions.class).of(request.id())).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(FulfilmentPurge.REMOVED);
            assertThat(e.basis()).isEqualTo(ExceptionBasis.CCPA_D8);
        });
        assertThat(bean(RequestTimeline.class).of(request.id())).extracting(RequestTimeline.Entry::line).noneMatch(line -> line.contains("Rosa"));
    }
}
