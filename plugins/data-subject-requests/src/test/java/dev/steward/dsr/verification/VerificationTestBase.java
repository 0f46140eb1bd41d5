package dev.steward.dsr.verification;

import dev.steward.dsr.DsrTestBase;
import dev.steward.platform.files.AttachmentService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static dev.steward.platform.db.generated.Tables.PERSON;

/** People in the directory to match against and proofs on file, for this package's tests. */
abstract class VerificationTestBase extends DsrTestBase {

    /** "Rosa Diaz" in the people directory with the requester's own email and an employee id of this test. */
    protected long rosaInDirectory() {
        return dsl.insertInto(PERSON).set(PERSON.EMPLOYEE_ID, "E-" + suffix).set(PERSON.FULL_NAME, requester().name())
                .set(PERSON.EMAIL, requester().email()).returning(PERSON.ID).fetchOne().getId();
    }

    protected void fileProof(long requestId, Proof proof) {
        try {
            bean(AttachmentService.class).upload(proof.owner(requestId), proof.name().toLowerCase() + ".txt",
                    new ByteArrayInputStream(("Signed: " + requester().name()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records the requester's email, name and employee id, all of which match Rosa in the directory. */
    protected void threeMatchingPoints(long requestId) {
        DataPoints points = bean(DataPoints.class);
        points.record(requestId, PointKind.EMAIL, requester().email().toUpperCase());
        points.record(requestId, PointKind.NAME, "  " + requester().name() + " ");
        points.record(requestId, PointKind.EMPLOYEE_ID, "E-" + suffix);
    }
}
