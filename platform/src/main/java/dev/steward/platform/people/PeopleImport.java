package dev.steward.platform.people;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.files.FileSizes;
import dev.steward.platform.security.PlatformPermissions;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * People CSV import in two steps: {@link #prepare} reads and checks a file and shows what it would change, writing
 * nothing; {@link #commit} applies a clean plan in one transaction (all or nothing), set-based: the rows are
 * COPYed into a temporary table and merged with a few SQL statements, then one audit entry records the import.
 */
@Service
public class PeopleImport {

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final PeopleImportWriter writer;
    private final long maxBytes;
    private final int maxRows;

    public PeopleImport(DSLContext dsl, AuditTrail audit, PeopleImportWriter writer,
                        @Value("${steward.people.import.max-bytes:104857600}") long maxBytes,
                        @Value("${steward.people.import.max-rows:500000}") int maxRows) {
        this.dsl = dsl;
        this.audit = audit;
        this.writer = writer;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Checks an uploaded file (read as it streams, never whole in memory) and says what importing it would change. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(Path file, String fileName, ImportProgress progress, BooleanSupplier cancelled) {
        return prepare(fileName, size(file), () -> Files.newInputStream(file), progress, cancelled);
    }

    /** As {@link #prepare(Path, String, ImportProgress, BooleanSupplier)}, for content already in memory. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(byte[] content, String fileName, ImportProgress progress, BooleanSupplier cancelled) {
        return prepare(fileName, content.length, () -> new ByteArrayInputStream(content), progress, cancelled);
    }

    /** Opens the content again for each pass (one to check, one to parse). */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    private ImportPlan prepare(String fileName, long size, Content content, ImportProgress progress, BooleanSupplier cancelled) {
        if (size > maxBytes) {
            return failed(fileName, "", RowError.file("The file is " + FileSizes.human(size) + "; the limit is "
                    + FileSizes.human(maxBytes) + " (steward.people.import.max-bytes). Split the file."));
        }
        Utf8Text.Scan scan;
        PeopleCsvReader.Result read;
        try {
            try (InputStream in = content.open()) {
                scan = Utf8Text.scan(in);
            }
            if (scan.problem() != null || scan.blank()) {
                return failed(fileName, scan.sha256() == null ? "" : scan.sha256(),
                        RowError.file(scan.problem() != null ? scan.problem() : "The file is empty"));
            }
            try (Reader text = Utf8Text.reader(content.open())) {
                read = PeopleCsvReader.read(text, maxRows, done -> progress.update("Reading", done, scan.lines()), cancelled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file " + fileName + " could not be read", e);
        }
        String sha256 = scan.sha256();
        if (read.rows().isEmpty()) {
            return new ImportPlan(fileName, sha256, List.of(), read.errors(), ImportPlan.Preview.none());
        }
        progress.update("Comparing with the directory", 0, read.rows().size());
        Map<String, PeopleSnapshot.Existing> existing = PeopleSnapshot.load(dsl);
        List<RowError> errors = new ArrayList<>(read.errors());
        errors.addAll(ManagerChecks.check(read.rows(), existing));
        if (cancelled.getAsBoolean()) {
            throw new ImportCancelledException();
        }
        ImportPlan.Preview preview = PeopleSnapshot.preview(read.rows(), existing, PeopleSnapshot.orgUnitCodes(dsl));
        progress.update("Checked", read.rows().size(), read.rows().size());
        return new ImportPlan(fileName, sha256, read.rows(), List.copyOf(errors), preview);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file is gone: " + e.getMessage(), e);
        }
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional
    public ImportResult commit(ImportPlan plan) {
        if (!plan.importable()) {
            throw new IllegalArgumentException("This file has errors and cannot be imported; nothing was changed");
        }
        ImportResult result = writer.write(plan.rows());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", plan.fileName());
        summary.put("sha256", plan.sha256());
        summary.put("rows", plan.rows().size());
        summary.put("added", result.added());
        summary.put("changed", result.changed());
        summary.put("unchanged", result.unchanged());
        summary.put("orgUnitsCreated", result.orgUnitsCreated());
        if (plan.preview().changes().size() <= 1000) {
            summary.put("employeeIds", plan.preview().changes().stream().map(ImportPlan.Change::employeeId).toList());
        }
        audit.record(AuditEvent.of("platform", "person", null, "IMPORT").after(summary).reason("People CSV import"));
        return result;
    }

    private static ImportPlan failed(String fileName, String sha256, RowError error) {
        return new ImportPlan(fileName, sha256, List.of(), List.of(error), ImportPlan.Preview.none());
    }
}
