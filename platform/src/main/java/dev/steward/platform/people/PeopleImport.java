package dev.steward.platform.people;

import dev.steward.platform.Sha256;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.files.FileSizes;
import dev.steward.platform.security.PlatformPermissions;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(byte[] content, String fileName, ImportProgress progress, BooleanSupplier cancelled) {
        String sha256 = Sha256.hex(content);
        if (content.length > maxBytes) {
            return failed(fileName, sha256, RowError.file("The file is " + FileSizes.human(content.length) + "; the limit is "
                    + FileSizes.human(maxBytes) + " (steward.people.import.max-bytes). Split the file."));
        }
        String[] problem = new String[1];
        var text = Utf8Text.decode(content, problem);
        if (text.isEmpty()) {
            return failed(fileName, sha256, RowError.file(problem[0]));
        }
        long lines = text.get().chars().filter(c -> c == '\n').count();
        PeopleCsvReader.Result read = PeopleCsvReader.read(text.get(), maxRows,
                done -> progress.update("Reading", done, lines), cancelled);
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
