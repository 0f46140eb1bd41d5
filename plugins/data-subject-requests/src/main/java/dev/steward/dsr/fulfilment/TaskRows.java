package dev.steward.dsr.fulfilment;

import dev.steward.dsr.db.tables.records.TaskRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.TASK;

/** Reads tasks with their request's reference; the callers checked access. */
@Component
class TaskRows {

    private final DSLContext dsl;

    TaskRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Task> where(Condition condition) {
        return dsl.select(TASK.fields()).select(REQUEST.REFERENCE, REQUEST.REQUESTER_NAME, REQUEST.REQUESTER_EMAIL).from(TASK).join(REQUEST).on(REQUEST.ID.eq(TASK.REQUEST_ID))
                .where(condition).orderBy(TASK.DUE_AT.asc().nullsLast(), TASK.REQUEST_ID, TASK.HOLDER_KIND, TASK.HOLDER_NAME, TASK.ACTION)
                .fetch(TaskRows::toTask);
    }

    Optional<Task> find(long id) {
        return where(TASK.ID.eq(id)).stream().findFirst();
    }

    Optional<String> assigneeOf(long id) {
        return dsl.select(TASK.ASSIGNEE).from(TASK).where(TASK.ID.eq(id)).fetchOptional(TASK.ASSIGNEE);
    }

    private static Task toTask(Record r) {
        TaskRecord t = r.into(TASK);
        String name = r.get(REQUEST.REQUESTER_NAME);
        String email = r.get(REQUEST.REQUESTER_EMAIL);
        return new Task(t.getId(), t.getRequestId(), r.get(REQUEST.REFERENCE),
                name == null ? null : name + (email == null ? "" : " <" + email + ">"), TaskAction.valueOf(t.getAction()), t.getHolderName(),
                HolderKind.valueOf(t.getHolderKind()), t.getViaName(), t.getContactEmail(), categories(t.getCategories()), t.getAssignee(),
                t.getDueAt(), TaskStatus.valueOf(t.getStatus()), t.getOutcome(), t.getEvidenceFileId(), t.getConfirmedOn(),
                t.getConfirmationRef(), t.getCompletedBy(), t.getCompletedAt(), t.getVersion());
    }

    static Set<String> categories(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
