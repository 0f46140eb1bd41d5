package dev.steward.dsr.intake;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.IntakeMailboxRecord;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

import static dev.steward.dsr.db.Tables.INTAKE_MAILBOX;

/**
 * The addresses the company publishes for rights requests (a policy may name more than one): all feed the same queue,
 * and a request logged from mail records which one it came to.
 */
@Service
public class Mailboxes {

    /** A published address and what it is for ("US policy", "international policy"). */
    public record Mailbox(long id, String address, String note) {
    }

    private final DSLContext dsl;

    Mailboxes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    @Transactional(readOnly = true)
    public List<Mailbox> list() {
        return dsl.selectFrom(INTAKE_MAILBOX).orderBy(INTAKE_MAILBOX.ADDRESS)
                .fetch(r -> new Mailbox(r.getId(), r.getAddress(), r.getNote()));
    }

    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public Mailbox add(String address, String note) {
        String email = Inputs.email("address", address);
        if (email == null) {
            throw new InvalidInputException("address", "Give the published email address");
        }
        String normal = email.toLowerCase(Locale.ROOT);
        if (dsl.fetchExists(INTAKE_MAILBOX, DSL.lower(INTAKE_MAILBOX.ADDRESS).eq(normal))) {
            throw new InvalidInputException("address", "This address is already listed");
        }
        IntakeMailboxRecord r = dsl.newRecord(INTAKE_MAILBOX);
        r.setAddress(normal);
        r.setNote(Inputs.optional("note", note, 200));
        r.setAddedBy(CurrentUser.username().orElseThrow());
        r.store();
        return new Mailbox(r.getId(), r.getAddress(), r.getNote());
    }

    /** Stops offering the address; requests that came to it keep saying so. */
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    @Transactional
    public void remove(long id) {
        IntakeMailboxRecord r = dsl.selectFrom(INTAKE_MAILBOX).where(INTAKE_MAILBOX.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new InvalidInputException("address", "That address is no longer listed"));
        r.delete();
    }
}
