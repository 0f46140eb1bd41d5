package dev.steward.dsr.processors;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.records.RequesterDataPurge;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import static dev.steward.dsr.db.Tables.PROCESSOR_INSTRUCTION;

/**
 * At the end of a request's retention: instructions keep where they went, when and what was answered, not the
 * processor's words (its reference and note) nor the spent link's hash.
 */
@Component
class InstructionPurge implements RequesterDataPurge {

    static final String REMOVED = "(removed at the end of retention)";

    private final DSLContext dsl;

    InstructionPurge(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    public String purge(long requestId) {
        int notes = dsl.update(PROCESSOR_INSTRUCTION)
                .set(PROCESSOR_INSTRUCTION.ANSWER_NOTE, DSL.when(PROCESSOR_INSTRUCTION.ANSWER_NOTE.isNotNull(), DSL.inline(REMOVED)))
                .set(PROCESSOR_INSTRUCTION.ANSWER_REF, DSL.when(PROCESSOR_INSTRUCTION.ANSWER_REF.isNotNull(), DSL.inline(REMOVED)))
                .setNull(PROCESSOR_INSTRUCTION.TOKEN_HASH)
                .where(PROCESSOR_INSTRUCTION.REQUEST_ID.eq(requestId)).execute();
        return notes == 0 ? "" : notes + " processor instruction answer(s)";
    }
}
