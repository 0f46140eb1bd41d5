package dev.steward.reviews.imports;

import dev.steward.platform.Sha256;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.ldap.LdapDirectory;
import dev.steward.reviews.db.tables.records.ImportRunRecord;
import dev.steward.reviews.ldap.LdapSourceService;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import static dev.steward.reviews.db.Tables.IMPORT_RUN;
import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * Imports a system's accounts and entitlements from a CSV file, or from its LDAP source, as a new snapshot. The rows
 * are checked on their way (fields, contradicting account details, duplicates) and streamed with PostgreSQL's COPY into
 * a temporary table, compared with the current snapshot and only then applied, set-based; or, for a system without
 * current grants, straight into the snapshot. One transaction: all or nothing. The same import verifies earlier
 * revocations.
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
    private final AuditTrail audit;
    private final ImportStaging staging;
    private final dev.steward.reviews.remediation.RemediationService remediation;
    private final LdapSourceService ldapSources;
    private final long maxRows;
    @Value("${steward.reviews.import.max-bytes:256MB}")
    private DataSize maxSize;

    AccessImport(DSLContext dsl, AuditTrail audit,
                 dev.steward.reviews.remediation.RemediationService remediation, LdapSourceService ldapSources,
                 @Value("${steward.reviews.import.max-rows:2000000}") long maxRows) {
        this.remediation = remediation;
        this.ldapSources = ldapSources;
        this.dsl = dsl;
        this.audit = audit;
        this.staging = new ImportStaging(dsl);
        this.maxRows = maxRows;
    }

    /** The header of a file, for the column-mapping step. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public List<String> header(byte[] file) {
        return AccessCsv.header(AccessCsv.Source.of(file));
    }

    /** The header of an uploaded file, for the column-mapping step. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public List<String> header(Path file) {
        return AccessCsv.header(AccessCsv.Source.of(file));
    }

    /** The largest file an import reads ({@code steward.reviews.import.max-bytes}); uploads enforce it while receiving. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** As {@link #preview(long, byte[], ImportFormat, Progress)}, for an uploaded file (memory-mapped, not read onto the heap). */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportPreview preview(long systemId, Path file, ImportFormat format, Progress progress) {
        requireSystem(systemId, false);
        Read read = read(systemId, null, csv(AccessCsv.Source.of(file), format, progress));
        return staging.compare(systemId, read.rows());
    }

    /** As {@link #commit(long, byte[], String, ImportFormat, Progress)}, for an uploaded file. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportResult commit(long systemId, Path file, String fileName, ImportFormat format, Progress progress) {
        long t0 = System.nanoTime();
        requireSystem(systemId, true);
        ImportRunRecord run = startRun(systemId, "CSV", fileName, sha256(file), format);
        Read read = read(systemId, run.getId(), csv(AccessCsv.Source.of(file), format, progress));
        return apply(run, read, t0);
    }

    /** What importing the file would change; writes nothing. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportPreview preview(long systemId, byte[] file, ImportFormat format, Progress progress) {
        requireSystem(systemId, false);
        Read read = read(systemId, null, csv(AccessCsv.Source.of(file), format, progress));
        return staging.compare(systemId, read.rows());
    }

    /** As {@link #preview(long, byte[], ImportFormat, Progress)} for any export with its columns mapped. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportPreview preview(long systemId, byte[] file, ColumnMapping mapping, Progress progress) {
        return preview(systemId, file, ImportFormat.generic(mapping), progress);
    }

    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportResult commit(long systemId, byte[] file, String fileName, ImportFormat format, Progress progress) {
        long t0 = System.nanoTime();
        requireSystem(systemId, true);
        ImportRunRecord run = startRun(systemId, "CSV", fileName, Sha256.hex(file), format);
        Read read = read(systemId, run.getId(), csv(AccessCsv.Source.of(file), format, progress));
        return apply(run, read, t0);
    }

    /** As {@link #commit(long, byte[], String, ImportFormat, Progress)} for any export with its columns mapped. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportResult commit(long systemId, byte[] file, String fileName, ColumnMapping mapping, Progress progress) {
        return commit(systemId, file, fileName, ImportFormat.generic(mapping), progress);
    }

    /**
     * What several uploaded files are: the system whose exports most of them are, and per file what it holds and the
     * group proposed from its name (for a file of one group's members, which does not name its group). With a preset,
     * the files as that system's exports.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public BundlePlan plan(AccessPreset preset, List<BundleFile> files) {
        return preset == null || !preset.multiFile() ? ExportBundle.plan(files) : ExportBundle.plan(preset, files);
    }

    /**
     * What importing a system's export of several files (its users file and members files) would change; writes
     * nothing. Each members file without a group column names its group through {@link BundleFile#group()}.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportPreview previewBundle(long systemId, AccessPreset preset, List<BundleFile> files, Progress progress) {
        requireSystem(systemId, false);
        Read read = read(systemId, null, bundle(preset, files, progress));
        return staging.compare(systemId, read.rows());
    }

    /** Imports a system's export of several files as one new snapshot (see {@link #previewBundle}). */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportResult commitBundle(long systemId, AccessPreset preset, List<BundleFile> files, Progress progress) {
        long t0 = System.nanoTime();
        requireSystem(systemId, true);
        List<BundleFile> sorted = files.stream().sorted(java.util.Comparator.comparing(BundleFile::fileName)).toList();
        String names = String.join(", ", sorted.stream().map(BundleFile::fileName).toList());
        ImportRunRecord run = startRun(systemId, "CSV", names, sha256(sorted), new ImportFormat(preset, preset.guess(List.of())));
        Read read = read(systemId, run.getId(), bundle(preset, files, progress));
        return apply(run, read, t0);
    }

    private RowSource bundle(AccessPreset preset, List<BundleFile> files, Progress progress) {
        if (files.isEmpty()) {
            throw new InvalidInputException(List.of(new Problem(0, null, "Upload the files to import")));
        }
        return rows -> ExportBundle.read(preset, files, rows, maxRows, progress);
    }

    /** One hash over the files in name order: each file's name, then its bytes. */
    private static String sha256(List<BundleFile> files) {
        MessageDigest digest = Sha256.digest();
        for (BundleFile file : files) {
            digest.update(file.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
                digest.update(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            } catch (IOException e) {
                throw new InvalidInputException(List.of(new Problem(0, null, file.fileName() + ": the uploaded file could not be read")));
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * The format of the system's last file import when its columns are all in this header (the mapping the user made
     * then), else the preset the header looks like with its guess.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public ImportFormat proposedFormat(long systemId, List<String> header) {
        var last = dsl.select(IMPORT_RUN.PRESET, IMPORT_RUN.MAPPING).from(IMPORT_RUN)
                .where(IMPORT_RUN.SYSTEM_ID.eq(systemId).and(IMPORT_RUN.MAPPING.isNotNull()))
                .orderBy(IMPORT_RUN.ID.desc()).limit(1).fetchOne();
        if (last != null) {
            ImportFormat remembered = new ImportFormat(AccessPreset.of(last.value1()), ColumnMapping.fromText(last.value2()));
            if (remembered.preset() == AccessPreset.recognise(header) && remembered.mapping().fits(header)) {
                return remembered;
            }
        }
        return ImportFormat.guess(header);
    }

    /** What importing the system's LDAP source would change; writes nothing. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportPreview previewLdap(long systemId, Progress progress) {
        requireSystem(systemId, false);
        Read read = read(systemId, null, directory(directoryOf(systemId), progress, new String[1]));
        return staging.compare(systemId, read.rows());
    }

    /**
     * Reads the system's LDAP source (every group under its base DN, nested groups expanded) as a new snapshot. The
     * import's SHA-256 is over the rows in the reader's stable order (group, account), not over the LDAP traffic: an
     * unchanged directory gives the same hash, like re-importing the same file, so the history shows when nothing changed.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public ImportResult commitLdap(long systemId, Progress progress) {
        long t0 = System.nanoTime();
        requireSystem(systemId, true);
        LdapDirectory directory = directoryOf(systemId);
        ImportRunRecord run = startRun(systemId, "LDAP", directory.description(), "", null);
        String[] sha256 = new String[1];
        Read read = read(systemId, run.getId(), directory(directory, progress, sha256));
        run.setSha256(sha256[0]);
        return apply(run, read, t0);
    }

    /** Where an import's rows come from: they are handed to {@code rows}, which checks and writes them. */
    @FunctionalInterface
    private interface RowSource {
        void readInto(ImportRows rows) throws IOException;
    }

    /** The rows read, checked and written; {@code direct} when they went straight into the snapshot. */
    private record Read(ImportRows rows, boolean direct) {
    }

    private RowSource csv(AccessCsv.Source file, ImportFormat format, Progress progress) {
        return rows -> AccessCsv.read(file, format, rows, maxRows, progress);
    }

    private static String sha256(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = Sha256.digest();
            digest.update(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read", e);
        }
    }

    private RowSource directory(LdapDirectory directory, Progress progress, String[] sha256) {
        return rows -> {
            DirectoryRows memberships = new DirectoryRows(rows);
            try {
                directory.read(memberships::add, maxRows, progress.rowsRead(), progress.cancelled())
                        .forEach(p -> rows.problem(new Problem(0, null, p.reason())));
            } catch (CancellationException e) {
                throw new Cancelled();
            }
            sha256[0] = memberships.sha256();
        };
    }

    private LdapDirectory directoryOf(long systemId) {
        try {
            return ldapSources.directory(systemId);
        } catch (IllegalArgumentException noSource) {
            throw new InvalidInputException(List.of(new Problem(0, null, noSource.getMessage())));
        }
    }

    /**
     * Reads the rows and checks them as a whole. A preview ({@code importId} null) stages them to compare; a commit to a
     * system that has no current grants writes them straight into the snapshot: nothing to compare with, and the rows
     * are written once instead of twice (see docs/decisions.md). Anything wrong rejects the import, and the transaction
     * takes back what was written.
     */
    private Read read(long systemId, Long importId, RowSource source) {
        boolean direct = importId != null && !staging.hasCurrentGrants(systemId);
        staging.create();
        ImportRows rows = dsl.connectionResult(connection -> {
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                ImportRows read = new ImportRows(direct ? ImportStaging.snapshot(pg, systemId, importId) : ImportStaging.stage(pg));
                try (read) {
                    source.readInto(read);
                }
                if (read.problems().isEmpty()) {
                    ImportStaging.writeAccounts(pg, read);
                }
                return read;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage the rows: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<Problem> problems = rows.problems();
        if (problems.isEmpty()) {
            problems = staging.duplicateProblems(rows.duplicateCandidates(), systemId, direct ? importId : null);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        staging.analyze();
        return new Read(rows, direct);
    }

    private ImportRunRecord startRun(long systemId, String source, String sourceName, String sha256, ImportFormat format) {
        var run = dsl.newRecord(IMPORT_RUN);
        run.setSystemId(systemId);
        // the system's row is locked (requireSystem): numbers are drawn one import at a time
        run.setNumber(dsl.select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(IMPORT_RUN.NUMBER), 0).plus(1)).from(IMPORT_RUN)
                .where(IMPORT_RUN.SYSTEM_ID.eq(systemId)).fetchSingle().value1());
        run.setSource(source);
        run.setFileName(sourceName.length() > 255 ? sourceName.substring(0, 254) + "\u2026" : sourceName);
        run.setSha256(sha256);
        if (format != null) {
            run.setPreset(format.preset().name());
            run.setMapping(format.mapping().toText());
        }
        run.setImportedBy(CurrentUser.username().orElse("system"));
        run.setAccounts(0);
        run.setGrants(0);
        run.setAdded(0);
        run.setRemoved(0);
        run.setHowGrantedChanged(0);
        run.store();
        return run;
    }

    /** The read rows become the snapshot; revocations are verified or flagged; one audit entry sums it up. */
    private ImportResult apply(ImportRunRecord run, Read read, long t0) {
        long staged = System.nanoTime();
        long systemId = run.getSystemId();
        ImportPreview changes = staging.apply(systemId, run.getId(), read.rows(), read.direct());
        run.setAccounts((int) changes.accounts());
        run.setGrants((int) changes.rows());
        run.setAdded((int) changes.grantsAdded());
        run.setRemoved((int) changes.grantsRemoved());
        run.setHowGrantedChanged((int) changes.howGrantedChanged());
        run.store();
        long statisticsStarted = System.nanoTime();
        if (changes.grantsAdded() + changes.grantsRemoved() > 10_000) {
            // a large change makes the planner's statistics stale for the campaign launch that usually follows; a small
            // sample is enough to plan it (hash joins over whole systems), and autovacuum's analyze refines it later
            staging.analyzeSampled(20, "reviews.access_grant", "reviews.account");
        }
        long applied = System.nanoTime();
        int verified = staging.verifyRemediation(systemId, run.getId());
        int notRemoved = staging.flagNotRemoved(systemId, run.getId());
        if (notRemoved > 0) {
            remediation.escalateNotRemoved(systemId, run.getId());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("system", systemId);
        summary.put("source", run.getSource());
        summary.put("file", run.getFileName());
        if (run.getPreset() != null) {
            summary.put("preset", run.getPreset());
        }
        summary.put("sha256", run.getSha256());
        summary.put("grants", run.getGrants());
        summary.put("added", changes.grantsAdded());
        summary.put("removed", changes.grantsRemoved());
        summary.put("howGrantedChanged", changes.howGrantedChanged());
        summary.put("remediationVerified", verified);
        summary.put("revokedButNotRemoved", notRemoved);
        audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "import_run", run.getId(), "IMPORT").after(summary));
        log.info("Import {} ({}) of system {}: {} rows read and checked in {} ms, applied in {} ms (statistics {} ms){}", run.getId(),
                run.getSource(), systemId, changes.rows(), (staged - t0) / 1_000_000, (applied - staged) / 1_000_000,
                (applied - statisticsStarted) / 1_000_000,
                read.direct() ? " (written straight into the snapshot)" : "");
        return new ImportResult(run.getId(), run.getNumber(), changes, verified, notRemoved);
    }

    /**
     * Refuses an unknown system. A commit also locks the system's row: an import of a system waits for the one running,
     * as two at once would each add the grants the other adds.
     */
    private void requireSystem(long systemId, boolean lock) {
        var query = dsl.selectOne().from(SYSTEM).where(SYSTEM.ID.eq(systemId));
        if ((lock ? query.forUpdate().fetchOne() : query.fetchOne()) == null) {
            throw new InvalidInputException(List.of(new Problem(0, null, "Unknown system " + systemId)));
        }
    }
}
