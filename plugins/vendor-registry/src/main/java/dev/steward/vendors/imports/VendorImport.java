package dev.steward.vendors.imports;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorRegistry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.steward.vendors.db.Tables.VENDOR;

/**
 * Imports vendors with their services and processing from CSV ({@link VendorCsv}): a preview says what would be
 * added or lists every problem with its line and column; the import is all or nothing and writes through the
 * registry's own services, so every rule and the audit apply as for a form.
 */
@Service
public class VendorImport {

    /** Told how many records (vendors, services, processing) are written so far; asked whether the user cancelled. */
    public record Progress(java.util.function.IntConsumer recordsWritten, java.util.function.BooleanSupplier cancelled) {
        public static final Progress NONE = new Progress(n -> { }, () -> false);
    }

    /** The user cancelled: everything written is rolled back. */
    public static class Cancelled extends RuntimeException {
        public Cancelled() {
            super("Import cancelled; nothing was written");
        }
    }

    private final DSLContext dsl;
    private final VendorRegistry vendors;
    private final ProvidedServices services;
    private final ProcessingRegister processing;
    @Value("${steward.vendors.import.max-bytes:20MB}")
    private DataSize maxSize;

    VendorImport(DSLContext dsl, VendorRegistry vendors, ProvidedServices services, ProcessingRegister processing) {
        this.dsl = dsl;
        this.vendors = vendors;
        this.services = services;
        this.processing = processing;
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public ImportPreview preview(byte[] file) {
        VendorCsvReader.Result read = new VendorCsvReader(lookups()).read(file);
        return summary(read, read.problems());
    }

    /** What importing an uploaded file would add, or every problem in it; read as it streams, writes nothing. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public ImportPreview preview(Path file) {
        VendorCsvReader.Result read = new VendorCsvReader(lookups()).read(file);
        return summary(read, read.problems());
    }

    /** As {@link #commit(byte[], Progress)}, for an uploaded file (read as it streams). */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(rollbackFor = Exception.class)
    public ImportPreview commit(Path file, Progress progress) {
        return write(new VendorCsvReader(lookups()).read(file), progress);
    }

    /** The largest file an import reads ({@code steward.vendors.import.max-bytes}); uploads enforce it while receiving. */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** Writes everything or, with any problem, nothing (throws {@link InvalidInputException}). */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(rollbackFor = Exception.class)
    public ImportPreview commit(byte[] file) {
        return commit(file, Progress.NONE);
    }

    /**
     * Writes everything or, with any problem, nothing (throws {@link InvalidInputException}); reports each record
     * written and stops, writing nothing, when the user cancels ({@link Cancelled}).
     */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(rollbackFor = Exception.class)
    public ImportPreview commit(byte[] file, Progress progress) {
        return write(new VendorCsvReader(lookups()).read(file), progress);
    }

    private ImportPreview write(VendorCsvReader.Result read, Progress progress) {
        int[] written = {0};
        Runnable wrote = () -> {
            progress.recordsWritten().accept(++written[0]);
            if (progress.cancelled().getAsBoolean()) {
                throw new Cancelled();
            }
        };
        if (!read.problems().isEmpty()) {
            throw new InvalidInputException(read.problems());
        }
        for (VendorCsvReader.VendorDraft draft : read.vendors()) {
            Vendor vendor = write(draft.line(), () -> vendors.save(draft.form()));
            if (draft.nextReviewOn() != null) {
                dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(vendor.id())).fetchSingle().with(VENDOR.NEXT_REVIEW_ON, draft.nextReviewOn()).store();
            }
            wrote.run();
            for (VendorCsvReader.ServiceDraft s : draft.services().values()) {
                ProvidedService service = write(s.line(), () -> services.save(new ProvidedService(null, vendor.id(), s.name(), s.description(), 0)));
                wrote.run();
                for (VendorCsvReader.ProcessingDraft p : s.processing()) {
                    write(p.line(), () -> processing.save(p.forService(service.id())));
                    wrote.run();
                }
            }
        }
        return summary(read, List.of());
    }

    private static <T> T write(long line, java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(p -> new Problem(line, p.field(), p.message())).toList());
        }
    }

    private static ImportPreview summary(VendorCsvReader.Result read, List<Problem> problems) {
        int services = read.vendors().stream().mapToInt(v -> v.services().size()).sum();
        int processing = read.vendors().stream().flatMap(v -> v.services().values().stream()).mapToInt(s -> s.processing().size()).sum();
        return new ImportPreview(read.vendors().size(), services, processing, problems);
    }

    /** Loads what the checks need once: names in the registry, the directory's emails and ids, catalogue codes. */
    private VendorCsvReader.Lookups lookups() {
        Set<String> names = new HashSet<>(dsl.select(VENDOR.LEGAL_NAME.lower()).from(VENDOR).fetch(0, String.class));
        Map<String, Set<String>> catalogue = new HashMap<>();
        dsl.fetch("select kind, code from platform.catalog_entry")
                .forEach(r -> catalogue.computeIfAbsent(r.get(0, String.class), k -> new HashSet<>()).add(r.get(1, String.class)));
        return new VendorCsvReader.Lookups() {
            public boolean vendorExists(String legalName) {
                return names.contains(legalName.toLowerCase(Locale.ROOT));
            }

            public Optional<Long> person(String key) {
                List<Long> ids = dsl.fetch("select id from platform.person where lower(email) = lower(?) or employee_id = ? limit 2", key, key)
                        .getValues(0, Long.class);
                return ids.size() == 1 ? Optional.of(ids.getFirst()) : Optional.empty();
            }

            public boolean catalogued(String kind, String code) {
                return catalogue.getOrDefault(kind, Set.of()).contains(code);
            }
        };
    }
}
