package dev.steward.reviews.imports;

import dev.steward.platform.Sha256;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.ldap.LdapDirectory;
import dev.steward.reviews.ldap.LdapProblem;
import dev.steward.reviews.ldap.LdapSourceService;
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
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import static dev.steward.reviews.db.Tables.IMPORT_RUN;

/**
 * Imports a system's accounts and entitlements from a CSV file, or from its LDAP source, as a new snapshot. The rows
 * are streamed into a temporary table with PostgreSQL's COPY (checked row by row on the way), checked as a whole in
 * SQL (duplicates, contradicting account details), compared with the current snapshot, and only then applied,
 * set-based, in the same transaction: all or nothing. The same import verifies earlier revocations.
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
    private final LdapSourceService ldapSources;
    private final long maxRows;

    AccessImport(DSLContext dsl, ExtensionRegistry registry, AuditTrail audit,
                 dev.steward.reviews.remediation.RemediationService remediation, LdapSourceService ldapSources,
                 @Value("${steward.reviews.import.max-rows:2000000}") long maxRows) {
        this.remediation = remediation;
        this.ldapSources = ldapSources;
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
        stage(systemId, file, mapping, progress, true);
        return staging.compare(systemId);
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public ImportResult commit(long systemId, byte[] file, String fileName, ColumnMapping mapping, Progress progress) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        long t0 = System.nanoTime();
        stage(systemId, file, mapping, progress, false);
        return apply(systemId, "CSV", fileName, Sha256.hex(file), t0);
    }

    /** What importing the system's LDAP source would change; writes nothing. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public ImportPreview previewLdap(long systemId, Progress progress) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        stageDirectory(systemId, progress);
        return staging.compare(systemId);
    }

    /** Reads the system's LDAP source (every group under its base DN, nested groups expanded) as a new snapshot. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public ImportResult commitLdap(long systemId, Progress progress) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        long t0 = System.nanoTime();
        String[] sourceAndHash = stageDirectory(systemId, progress);
        return apply(systemId, "LDAP", sourceAndHash[0], sourceAndHash[1], t0);
    }

    /** The staged rows become the snapshot; revocations are verified or flagged; one audit entry sums it up. */
    private ImportResult apply(long systemId, String source, String sourceName, String sha256, long t0) {
        long staged = System.nanoTime();
        var run = dsl.newRecord(IMPORT_RUN);
        run.setSystemId(systemId);
        run.setSource(source);
        run.setFileName(sourceName.length() > 255 ? sourceName.substring(0, 254) + "\u2026" : sourceName);
        run.setSha256(sha256);
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
        summary.put("source", source);
        summary.put("file", sourceName);
        summary.put("sha256", run.getSha256());
        summary.put("grants", run.getGrants());
        summary.put("added", changes.grantsAdded());
        summary.put("removed", changes.grantsRemoved());
        summary.put("remediationVerified", verified);
        summary.put("revokedButNotRemoved", notRemoved);
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "import_run", run.getId(), "IMPORT").after(summary));
        log.info("Import {} ({}) of system {}: {} rows staged and checked in {} ms, applied in {} ms", run.getId(), source, systemId,
                changes.rows(), (staged - t0) / 1_000_000, (applied - staged) / 1_000_000);
        return new ImportResult(run.getId(), changes, verified, notRemoved);
    }

    /**
     * Streams the system's directory into the staging table and checks it; returns its description and the SHA-256 of
     * the staged rows. The hash is over the rows in the reader's stable order (group, account), not over the LDAP
     * traffic: an unchanged directory gives the same hash, like re-importing the same file, so the import history shows
     * at a glance when nothing changed.
     */
    private String[] stageDirectory(long systemId, Progress progress) {
        requireSystem(systemId);
        LdapDirectory directory;
        try {
            directory = ldapSources.directory(systemId);
        } catch (IllegalArgumentException noSource) {
            throw new ImportRejectedException(List.of(new ImportProblem(0, null, noSource.getMessage())));
        }
        staging.create();
        String[] sha256 = new String[1];
        List<ImportProblem> problems = dsl.connectionResult(connection -> {
            try (DirectoryRows rows = new DirectoryRows(connection.unwrap(PGConnection.class))) {
                List<LdapProblem> found = directory.read(rows::add, maxRows, progress.rowsRead(), progress.cancelled());
                sha256[0] = rows.sha256();
                return found.stream().map(p -> new ImportProblem(0, null, p.reason())).toList();
            } catch (CancellationException e) {
                throw new Cancelled();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage the directory: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (problems.isEmpty()) {
            problems = staging.directoryProblems();
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        return new String[]{directory.description(), sha256[0]};
    }

    private void requireSystem(long systemId) {
        if (!dsl.fetchExists(dev.steward.reviews.db.Tables.SYSTEM, dev.steward.reviews.db.Tables.SYSTEM.ID.eq(systemId))) {
            throw new ImportRejectedException(List.of(new ImportProblem(0, null, "Unknown system " + systemId)));
        }
    }

    /**
     * Stages the file and checks it as a whole. Duplicate rows are looked for here only for a preview: for a commit
     * the unique index of current grants finds them while applying (see {@link ImportStaging#apply}).
     */
    private void stage(long systemId, byte[] file, ColumnMapping mapping, Progress progress, boolean lookForDuplicates) {
        requireSystem(systemId);
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
            staging.analyze();
            problems = new java.util.ArrayList<>(staging.accountProblems());
            if (lookForDuplicates || !problems.isEmpty()) { // a rejected file is reported whole
                problems.addAll(0, staging.duplicateProblems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
    }
}
