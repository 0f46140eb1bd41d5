package dev.steward.reviews.imports;

import dev.steward.platform.Sha256;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.reviews.ReviewPermissions;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import static dev.steward.reviews.db.Tables.IMPORT_RUN;

/**
 * Imports a system's accounts and entitlements from a CSV file as a new snapshot. The file is streamed into a
 * temporary table with PostgreSQL's COPY (checked row by row on the way), checked as a whole in SQL (duplicates,
 * contradicting account details), compared with the current snapshot, and only then applied, set-based, in the same
 * transaction: all or nothing. The same import verifies earlier revocations.
 */
@Service
public class AccessImport {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccessImport.class);

    /** Reports rows read; asked whether the user cancelled. */
    public record Progress(LongConsumer rowsRead, BooleanSupplier cancelled) {
        public static final Progress NONE = new Progress(rows -> { }, () -> false);
    }

    public static class Cancelled extends RuntimeException {
        Cancelled() {
            super("Import cancelled; nothing was written");
        }
    }

    private final DSLContext dsl;
    private final ExtensionRegistry registry;
    private final AuditTrail audit;
    private final ImportStaging staging;
    private final dev.steward.reviews.remediation.RemediationService remediation;
    private final long maxRows;

    AccessImport(DSLContext dsl, ExtensionRegistry registry, AuditTrail audit,
                 dev.steward.reviews.remediation.RemediationService remediation,
                 @Value("${steward.reviews.import.max-rows:2000000}") long maxRows) {
        this.remediation = remediation;
        this.dsl = dsl;
        this.registry = registry;
        this.audit = audit;
        this.staging = new ImportStaging(dsl);
        this.maxRows = maxRows;
    }

    /** The header of a file, for the column-mapping step. */
    public List<String> header(byte[] file) {
        return AccessCsv.header(file);
    }

    /** What importing the file would change; writes nothing. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public ImportPreview preview(long systemId, byte[] file, ColumnMapping mapping, Progress progress) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        stage(systemId, file, mapping, progress);
        return staging.compare(systemId);
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public ImportResult commit(long systemId, byte[] file, String fileName, ColumnMapping mapping, Progress progress) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        long t0 = System.nanoTime();
        stage(systemId, file, mapping, progress);
        long staged = System.nanoTime();
        var run = dsl.newRecord(IMPORT_RUN);
        run.setSystemId(systemId);
        run.setSource("CSV");
        run.setFileName(fileName);
        run.setSha256(Sha256.hex(file));
        run.setImportedBy(CurrentUser.username().orElse("system"));
        run.setAccounts(0);
        run.setGrants(0);
        run.setAdded(0);
        run.setRemoved(0);
        run.store();
        ImportPreview changes = staging.apply(systemId, run.getId());
        run.setAccounts((int) changes.accounts());
        run.setGrants((int) changes.rows());
        run.setAdded((int) changes.grantsAdded());
        run.setRemoved((int) changes.grantsRemoved());
        run.store();
        if (changes.grantsAdded() + changes.grantsRemoved() > 10_000) {
            // a large change makes the planner's statistics stale for the campaign launch that usually follows
            dsl.execute("analyze reviews.access_grant");
            dsl.execute("analyze reviews.account");
        }
        long applied = System.nanoTime();
        int verified = staging.verifyRemediation(systemId, run.getId());
        int notRemoved = staging.flagNotRemoved(systemId, run.getId());
        if (notRemoved > 0) {
            remediation.escalateNotRemoved(systemId, run.getId());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("system", systemId);
        summary.put("file", fileName);
        summary.put("sha256", run.getSha256());
        summary.put("grants", run.getGrants());
        summary.put("added", changes.grantsAdded());
        summary.put("removed", changes.grantsRemoved());
        summary.put("remediationVerified", verified);
        summary.put("revokedButNotRemoved", notRemoved);
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "import_run", run.getId(), "IMPORT").after(summary));
        log.info("Import {} of system {}: {} rows staged and checked in {} ms, applied in {} ms", run.getId(), systemId,
                changes.rows(), (staged - t0) / 1_000_000, (applied - staged) / 1_000_000);
        return new ImportResult(run.getId(), changes, verified, notRemoved);
    }

    private void stage(long systemId, byte[] file, ColumnMapping mapping, Progress progress) {
        if (!dsl.fetchExists(dev.steward.reviews.db.Tables.SYSTEM, dev.steward.reviews.db.Tables.SYSTEM.ID.eq(systemId))) {
            throw new ImportRejectedException(List.of(new ImportProblem(0, null, "Unknown system " + systemId)));
        }
        staging.create();
        List<ImportProblem> problems = dsl.connectionResult(connection -> {
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                return AccessCsv.copy(new ByteArrayInputStream(file), mapping, pg, maxRows, progress);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage the file: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (problems.isEmpty()) {
            problems = staging.wholeFileProblems();
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
    }
}
