package dev.steward.dsr.processors;

import dev.steward.dsr.db.tables.records.ProcessorInstructionRecord;
import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.dsr.db.tables.records.TaskRecord;
import dev.steward.dsr.requests.OutsideMail;
import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.security.CurrentUser;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.DELETION_EXCEPTION;
import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;
import static dev.steward.dsr.db.Tables.REQUEST;

/**
 * Mails an instruction (or a reminder) with a fresh one-time link, and keeps the link's hash in place of any earlier
 * one. The caller holds the task's row lock and runs in a transaction; the mail goes last so that a refused mail
 * leaves nothing behind.
 */
@Component
class InstructionSender {

    /** How long a link works after the mail that carries it. */
    static final Duration LINK_VALID = Duration.ofDays(30);
    static final String PAGE_ROUTE = "processor-confirmation/";

    private final DSLContext dsl;
    private final OutsideMail mail;
    private final RequestTimeline timeline;
    private final String baseUrl;

    InstructionSender(DSLContext dsl, OutsideMail mail, RequestTimeline timeline, @Value("${steward.base-url:http://localhost:8080}") String baseUrl) {
        this.dsl = dsl;
        this.mail = mail;
        this.timeline = timeline;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The categories to delete: the task's, less those kept under a recorded deletion exception; null when all are kept. */
    List<String> categoriesToDelete(TaskRecord task) {
        Set<String> held = task.getCategories() == null || task.getCategories().isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(task.getCategories().split(",")));
        Set<String> kept = Set.copyOf(dsl.select(DELETION_EXCEPTION.CATEGORY).from(DELETION_EXCEPTION)
                .where(DELETION_EXCEPTION.REQUEST_ID.eq(task.getRequestId())).fetch(DELETION_EXCEPTION.CATEGORY));
        List<String> codes = held.stream().filter(c -> !kept.contains(c)).toList();
        if (!held.isEmpty() && codes.isEmpty()) {
            return null;
        }
        var names = dsl.fetch("select code, name from platform.catalog_entry where kind = 'DATA_CATEGORY'").stream()
                .collect(Collectors.toMap(r -> r.get(0, String.class), r -> r.get(1, String.class), (a, b) -> a));
        return codes.stream().map(c -> names.getOrDefault(c, c)).toList();
    }

    /** Sends and stores; false (and nothing stored) when the mail could not be sent. */
    boolean send(TaskRecord task, ProcessorInstructionRecord instruction, List<String> categories, int reminder, Instant now) {
        RequestRecord request = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(task.getRequestId())).fetchSingle();
        String token = InstructionTokens.fresh();
        Instant expires = now.plus(LINK_VALID);
        String subject = request.getRequesterName() == null ? null
                : request.getRequesterName() + (request.getRequesterEmail() == null ? "" : " <" + request.getRequesterEmail() + ">");
        InstructionLetter letter = new InstructionLetter(request.getReference(), task.getHolderName(), task.getViaName(), subject,
                categories, LegalBasis.of(Regime.valueOf(request.getRegime())), task.getDueAt() == null ? null
                : task.getDueAt().atZone(ZoneOffset.UTC).toLocalDate(), baseUrl + PAGE_ROUTE + token,
                expires.atZone(ZoneOffset.UTC).toLocalDate(), reminder);
        ProcessorInstructionRecord row = instruction != null ? instruction : dsl.newRecord(PROCESSOR_INSTRUCTION);
        if (instruction == null) {
            row.setTaskId(task.getId());
            row.setRequestId(task.getRequestId());
            row.setFirstSentAt(now);
            row.setVersion(0);
        } else {
            row.setVersion(row.getVersion() + 1);
        }
        row.setSentTo(task.getContactEmail());
        row.setCategories(String.join(", ", categories));
        row.setTokenHash(InstructionTokens.hash(token));
        row.setLastSentAt(now);
        row.setExpiresAt(expires);
        row.setReminders(reminder);
        row.setSentBy(CurrentUser.username().orElse("system"));
        if (reminder == 0) {
            row.setEscalatedAt(null);
            row.setAnswer(null);
            row.setAnswerRef(null);
            row.setAnswerNote(null);
            row.setAnsweredAt(null);
        }
        row.store();
        timeline.record(task.getRequestId(), RequestTimeline.Kind.PROCESSOR, (reminder == 0 ? "Instruction to delete sent to "
                : "Reminder " + reminder + " of the instruction to delete sent to ") + task.getHolderName() + " (" + task.getContactEmail() + ")"
                + (categories.isEmpty() ? "" : " for " + String.join(", ", categories)) + "; link valid until " + LocalDate.ofInstant(expires, ZoneOffset.UTC));
        return mail.send(task.getContactEmail(), letter.title(), letter.text());
    }
}
