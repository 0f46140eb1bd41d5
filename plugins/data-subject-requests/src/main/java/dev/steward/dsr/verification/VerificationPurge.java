package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.records.RequesterDataPurge;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static dev.steward.dsr.db.Tables.VERIFICATION_POINT;

/**
 * At the end of a request's retention: the data points keep their kind, whether they matched and the source, not the
 * values given or what they matched; the proofs (signed declarations, agents' authority) are deleted, their 24 months
 * (11 CCR 7101) being over.
 */
@Component
class VerificationPurge implements RequesterDataPurge {

    private final DSLContext dsl;
    private final AttachmentService files;

    VerificationPurge(DSLContext dsl, AttachmentService files) {
        this.dsl = dsl;
        this.files = files;
    }

    @Override
    @PreAuthorize(DsrPermissions.MAY_ADMIN)
    public String purge(long requestId) {
        List<String> removed = new ArrayList<>();
        int points = dsl.update(VERIFICATION_POINT)
                .setNull(VERIFICATION_POINT.GIVEN_VALUE).setNull(VERIFICATION_POINT.MATCHED_AGAINST)
                .setNull(VERIFICATION_POINT.MATCHED_PERSON_ID)
                // a point confirmed by hand keeps that it was (the check wants a reason), not the reason's words
                .set(VERIFICATION_POINT.HAND_REASON, DSL.when(VERIFICATION_POINT.HAND_REASON.isNotNull(), DSL.inline("(removed at the end of retention)")))
                .where(VERIFICATION_POINT.REQUEST_ID.eq(requestId)).execute();
        if (points > 0) {
            removed.add(points + " verification data point(s)");
        }
        int proofs = 0;
        for (Proof proof : Proof.values()) {
            for (Attachment file : files.list(proof.owner(requestId), false)) {
                files.delete(file.id(), "Retention of the request's verification proof ended");
                proofs++;
            }
        }
        if (proofs > 0) {
            removed.add(proofs + " verification proof(s)");
        }
        return String.join(", ", removed);
    }
}
