package dev.steward.platform.people;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.events.PlatformEvents;
import dev.steward.platform.files.FileSizes;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.PeopleChanged;
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
 * COPYed into a temporary table and merged with a few SQL statements, then one audit entry records the import, and one
 * {@link PeopleChanged} event tells the listeners who moved and who was terminated.
 */
@Service
public class PeopleImport {

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final PeopleImportWriter writer;
    private final PeopleImportMappings mappings;
    private final PlatformEvents events;
    private final long maxBytes;
    private final int maxRows;

    public PeopleImport(DSLContext dsl, AuditTrail audit, PeopleImportWriter writer, PeopleImportMappings mappings, PlatformEvents events,
                        @Value("${steward.people.import.max-bytes:104857600}") long maxBytes,
                        @Value("${steward.people.import.max-rows:500000}") int maxRows) {
        this.dsl = dsl;
        this.audit = audit;
        this.writer = writer;
        this.mappings = mappings;
        this.events = events;
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
        return prepare(fileName, size(file), () -> Files.newInputStream(file), null, progress, cancelled);
    }

    /**
     * As {@link #prepare(Path, String, ImportProgress, BooleanSupplier)}, reading an HR export through a column mapping
     * (null: Steward's own format); columns the mapping does not name are ignored.
     */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(Path file, String fileName, PeopleColumnMapping mapping, ImportProgress progress, BooleanSupplier cancelled) {
        return prepare(fileName, size(file), () -> Files.newInputStream(file), mapping, progress, cancelled);
    }

    /** As {@link #prepare(Path, String, PeopleColumnMapping, ImportProgress, BooleanSupplier)}, for content in memory. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(byte[] content, String fileName, PeopleColumnMapping mapping, ImportProgress progress, BooleanSupplier cancelled) {
        return prepare(fileName, content.length, () -> new ByteArrayInputStream(content), mapping, progress, cancelled);
    }

    /** The column names of an uploaded file's header line (a byte-order mark dropped), to map them. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    public List<String> header(Path file) {
        try (Reader text = Utf8Text.reader(Files.newInputStream(file))) {
            return PeopleCsvReader.header(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read: " + e.getMessage(), e);
        }
    }

    /** A proposed mapping; {@code remembered}: it is the one last used for this preset, not a guess. */
    public record MappingSuggestion(PeopleColumnMapping mapping, boolean remembered) {
    }

    /** The preset the header fits best, with the mapping last used for it when the header has all its columns, else a guess. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public MappingSuggestion suggest(List<String> header) {
        return suggest(PeopleColumnMapping.guess(header).preset(), header);
    }

    /** As {@link #suggest(List)}, for a preset the user chose. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public MappingSuggestion suggest(HrPreset preset, List<String> header) {
        return mappings.last(preset).filter(m -> m.problems(header).isEmpty())
                .map(m -> new MappingSuggestion(m, true))
                .orElseGet(() -> new MappingSuggestion(PeopleColumnMapping.guess(preset, header), false));
    }

    /** As {@link #prepare(Path, String, ImportProgress, BooleanSupplier)}, for content already in memory. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional(readOnly = true)
    public ImportPlan prepare(byte[] content, String fileName, ImportProgress progress, BooleanSupplier cancelled) {
        return prepare(fileName, content.length, () -> new ByteArrayInputStream(content), null, progress, cancelled);
    }

    /** Opens the content again for each pass (one to check, one to parse). */
    @FunctionalInterface
    private interface Content {
        InputStream open() throws IOException;
    }

    private ImportPlan prepare(String fileName, long size, Content content, PeopleColumnMapping mapping, ImportProgress progress,
                               BooleanSupplier cancelled) {
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
                return failed(fileName, scan.sha256() == null ? "" : scan.sha256(), scan.problem() != null
                        ? new RowError((int) scan.problemLine(), null, scan.problem()) : RowError.file("The file is empty"));
            }
            try (Reader text = Utf8Text.reader(content.open())) {
                read = PeopleCsvReader.read(text, mapping, maxRows, done -> progress.update("Reading", done, scan.lines()), cancelled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The file " + fileName + " could not be read", e);
        }
        String sha256 = scan.sha256();
        if (read.rows().isEmpty()) {
            return new ImportPlan(fileName, sha256, List.of(), read.errors(), ImportPlan.Preview.none(), mapping);
        }
        progress.update("Comparing with the directory", 0, read.rows().size());
        Map<String, PeopleSnapshot.Existing> existing = PeopleSnapshot.load(dsl);
        List<RowError> errors = new ArrayList<>(read.errors());
        List<ImportRow> rows = read.rows();
        if (mapping != null) {
            rows = DerivedReferences.orgUnitsByName(rows, PeopleSnapshot.orgUnitNames(dsl));
            rows = DerivedReferences.managersByEmail(rows, existing, mapping.managerEmail(), errors);
        }
        errors.addAll(ManagerChecks.check(rows, existing, mapping == null ? PeopleCsvFormat.MANAGER : mapping.managerColumn()));
        if (cancelled.getAsBoolean()) {
            throw new ImportCancelledException();
        }
        ImportPlan.Preview preview = PeopleSnapshot.preview(rows, existing, PeopleSnapshot.orgUnitCodes(dsl));
        progress.update("Checked", rows.size(), rows.size());
        return new ImportPlan(fileName, sha256, rows, List.copyOf(errors), preview, mapping);
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
        PeopleImportWriter.Written written = writer.write(plan.rows());
        ImportResult result = written.result();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", plan.fileName());
        summary.put("sha256", plan.sha256());
        summary.put("rows", plan.rows().size());
        summary.put("added", result.added());
        summary.put("changed", result.changed());
        summary.put("unchanged", result.unchanged());
        summary.put("orgUnitsCreated", result.orgUnitsCreated());
        if (plan.mapping() != null) {
            summary.put("preset", plan.mapping().preset().name());
            summary.put("mapping", plan.mapping().columns().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
            mappings.remember(plan.mapping());
        }
        if (plan.preview().changes().size() <= 1000) {
            summary.put("employeeIds", plan.preview().changes().stream().map(ImportPlan.Change::employeeId).toList());
        }
        summary.put("moved", written.moves().size());
        summary.put("terminated", written.terminations().size());
        audit.record(AuditEvent.of("platform", "person", null, "IMPORT").after(summary).reason("People CSV import"));
        events.publish(new PeopleChanged(PeopleChanged.Source.IMPORT, CurrentUser.username().orElse("system"), plan.fileName(),
                written.moves(), written.terminations()));
        return result;
    }

    private static ImportPlan failed(String fileName, String sha256, RowError error) {
        return new ImportPlan(fileName, sha256, List.of(), List.of(error), ImportPlan.Preview.none(), null);
    }
}
