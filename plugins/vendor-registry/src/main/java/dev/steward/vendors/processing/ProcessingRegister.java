package dev.steward.vendors.processing;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.Countries;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.ProcessingPurposeRecord;
import dev.steward.vendors.db.tables.records.ProcessingRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.steward.vendors.db.Tables.PROCESSING;
import static dev.steward.vendors.db.Tables.PROCESSING_PURPOSE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** The personal data each service processes: categories, subjects, purposes with legal bases, volume, where, and transfer gaps. */
@Service
public class ProcessingRegister {

    private static final org.jooq.Table<?> CATALOG = table(name("platform", "catalog_entry"));
    private static final org.jooq.Field<String> CATALOG_KIND = field(name("catalog_entry", "kind"), String.class);
    private static final org.jooq.Field<String> CATALOG_CODE = field(name("catalog_entry", "code"), String.class);
    private static final org.jooq.Field<Boolean> CATALOG_SPECIAL = field(name("catalog_entry", "special_category"), Boolean.class);

    private final DSLContext dsl;
    private final VendorAccess access;

    ProcessingRegister(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<Processing> ofService(long serviceId) {
        access.requireReadOfService(serviceId);
        Map<Long, List<Purpose>> purposes = dsl.selectFrom(PROCESSING_PURPOSE)
                .where(PROCESSING_PURPOSE.PROCESSING_ID.in(dsl.select(PROCESSING.ID).from(PROCESSING).where(PROCESSING.SERVICE_ID.eq(serviceId))))
                .orderBy(PROCESSING_PURPOSE.PURPOSE)
                .fetchGroups(PROCESSING_PURPOSE.PROCESSING_ID, p -> new Purpose(p.getPurpose(), p.getLegalBasis()));
        return dsl.selectFrom(PROCESSING).where(PROCESSING.SERVICE_ID.eq(serviceId)).orderBy(PROCESSING.ID)
                .fetch(r -> toProcessing(r, purposes.getOrDefault(r.getId(), List.of())));
    }

    /** Creates or updates a processing after checking every code against the catalogue; the transfer gap is derived. */
    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public Processing save(ProcessingForm form) {
        access.requireEditOfService(form.serviceId());
        Inputs.present("relationship", form.relationship(), "Say whether the vendor is our processor, sub-processor, joint or independent controller");
        Inputs.present("volume", form.volume(), "Give the approximate number of people whose data the service holds");
        String[] categories = codes("dataCategories", "DATA_CATEGORY", form.dataCategories(), "personal-data category");
        String[] subjects = codes("subjectTypes", "SUBJECT_TYPE", form.subjectTypes(), "data-subject type");
        List<Purpose> purposes = purposes(form.purposes());
        String[] processedIn = Countries.requireAll("processingCountries", form.processingCountries());
        String[] storedIn = Countries.requireAll("storageCountries", form.storageCountries());
        if (processedIn.length == 0) {
            throw new InvalidInputException("processingCountries", "Name at least one country where the data is processed");
        }
        boolean special = form.specialCategory() || dsl.fetchExists(CATALOG, CATALOG_KIND.eq("DATA_CATEGORY")
                .and(CATALOG_CODE.in(Arrays.asList(categories))).and(CATALOG_SPECIAL.isTrue()));
        TransferAssessment transfer = TransferRules.assess(List.of(processedIn), List.of(storedIn), form.transferMechanism());

        ProcessingRecord r;
        if (form.id() == null) {
            r = dsl.newRecord(PROCESSING);
            r.setServiceId(form.serviceId());
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(PROCESSING).where(PROCESSING.ID.eq(form.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new InvalidInputException("processing", "The processing no longer exists"));
            if (r.getServiceId() != form.serviceId()) {
                throw new InvalidInputException("processing", "The processing belongs to another service");
            }
            if (r.getVersion() != form.version()) {
                throw new ConcurrentChangeException("Someone else changed this processing in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setRelationship(form.relationship());
        r.setDataCategories(categories);
        r.setSubjectTypes(subjects);
        r.setVolume(form.volume());
        r.setSpecialCategory(special);
        r.setChildren(form.children());
        r.setProcessingCountries(processedIn);
        r.setStorageCountries(storedIn);
        r.setTransferMechanism(form.transferMechanism());
        r.setTransferGap(transfer.gap());
        r.setNotes(Inputs.optional("notes", form.notes(), 10_000));
        r.store();
        replacePurposes(r.getId(), purposes);
        return toProcessing(r, purposes);
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public void delete(long processingId, int version) {
        ProcessingRecord r = dsl.selectFrom(PROCESSING).where(PROCESSING.ID.eq(processingId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("processing", "The processing no longer exists"));
        access.requireEditOfService(r.getServiceId());
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this processing in the meantime; reload and try again");
        }
        dsl.selectFrom(PROCESSING_PURPOSE).where(PROCESSING_PURPOSE.PROCESSING_ID.eq(processingId)).fetch().forEach(ProcessingPurposeRecord::delete);
        r.delete();
    }

    private String[] codes(String field, String kind, Set<String> codes, String what) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException(field, "Choose at least one " + what + " from the privacy catalogue");
        }
        Set<String> known = new HashSet<>(dsl.select(CATALOG_CODE).from(CATALOG).where(CATALOG_KIND.eq(kind)).and(CATALOG_CODE.in(codes))
                .fetch(CATALOG_CODE));
        List<String> unknown = codes.stream().filter(c -> !known.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(field, "Not a " + what + " of the privacy catalogue: " + String.join(", ", unknown));
        }
        return new TreeSet<>(codes).toArray(String[]::new);
    }

    private List<Purpose> purposes(List<Purpose> purposes) {
        if (purposes == null || purposes.isEmpty()) {
            throw new InvalidInputException("purposes", "Give at least one purpose with its legal basis");
        }
        Set<String> seen = new HashSet<>();
        for (Purpose p : purposes) {
            if (p.purpose() == null || p.legalBasis() == null) {
                throw new InvalidInputException("purposes", "Every purpose needs a legal basis");
            }
            if (!seen.add(p.purpose())) {
                throw new InvalidInputException("purposes", "The purpose " + p.purpose() + " is listed twice");
            }
        }
        codes("purposes", "PURPOSE", seen, "purpose");
        codes("purposes", "LEGAL_BASIS", new HashSet<>(purposes.stream().map(Purpose::legalBasis).toList()), "legal basis");
        return purposes.stream().sorted(java.util.Comparator.comparing(Purpose::purpose)).toList();
    }

    private void replacePurposes(long processingId, List<Purpose> purposes) {
        Map<String, ProcessingPurposeRecord> existing = dsl.selectFrom(PROCESSING_PURPOSE)
                .where(PROCESSING_PURPOSE.PROCESSING_ID.eq(processingId)).fetchMap(PROCESSING_PURPOSE.PURPOSE);
        Set<String> wanted = new HashSet<>(purposes.stream().map(Purpose::purpose).toList());
        existing.values().stream().filter(p -> !wanted.contains(p.getPurpose())).forEach(ProcessingPurposeRecord::delete);
        for (Purpose p : purposes) {
            ProcessingPurposeRecord r = existing.get(p.purpose());
            if (r == null) {
                r = dsl.newRecord(PROCESSING_PURPOSE);
                r.setProcessingId(processingId);
                r.setPurpose(p.purpose());
            }
            r.setLegalBasis(p.legalBasis());
            r.store();
        }
    }

    static Processing toProcessing(ProcessingRecord r, List<Purpose> purposes) {
        List<String> processedIn = List.of(r.getProcessingCountries());
        List<String> storedIn = List.of(r.getStorageCountries());
        TransferMechanism mechanism = r.getTransferMechanism();
        return new Processing(r.getId(), r.getServiceId(), r.getRelationship(), List.of(r.getDataCategories()),
                List.of(r.getSubjectTypes()), purposes, r.getVolume(), r.getSpecialCategory(), r.getChildren(),
                processedIn, storedIn, mechanism, TransferRules.assess(processedIn, storedIn, mechanism), r.getNotes(), r.getVersion());
    }
}
