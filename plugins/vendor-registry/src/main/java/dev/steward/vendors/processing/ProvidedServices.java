package dev.steward.vendors.processing;

import dev.steward.platform.search.SearchSql;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.VendorServiceRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.vendors.db.Tables.VENDOR;
import static dev.steward.vendors.db.Tables.VENDOR_SERVICE;
import static org.jooq.impl.DSL.noCondition;

/** The services each vendor provides. */
@Service
public class ProvidedServices {


    private final DSLContext dsl;
    private final VendorAccess access;

    ProvidedServices(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ProvidedService> ofVendor(long vendorId) {
        access.requireRead(vendorId);
        return dsl.selectFrom(VENDOR_SERVICE).where(VENDOR_SERVICE.VENDOR_ID.eq(vendorId)).orderBy(VENDOR_SERVICE.NAME)
                .fetch(ProvidedServices::toService);
    }

    /** A service of any visible vendor, as a sub-processor picker shows it. */
    public record ServiceChoice(long id, String vendorName, String serviceName) {
        @Override
        public String toString() {
            return vendorName + " · " + serviceName;
        }
    }

    /** Services whose vendor or service name has every word of the text, by vendor and service name. */
    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ServiceChoice> search(String text, int offset, int limit) {
        return dsl.select(VENDOR_SERVICE.ID, VENDOR.LEGAL_NAME, VENDOR_SERVICE.NAME).from(VENDOR_SERVICE).join(VENDOR).on(VENDOR.ID.eq(VENDOR_SERVICE.VENDOR_ID))
                .where(access.visibleVendors())
                .and(SearchSql.searchable(text) ? SearchSql.matchesAllWords(text, VENDOR.LEGAL_NAME, VENDOR_SERVICE.NAME) : noCondition())
                .orderBy(VENDOR.LEGAL_NAME, VENDOR_SERVICE.NAME).offset(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 200)))
                .fetch(r -> new ServiceChoice(r.value1(), r.value2(), r.value3()));
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public ProvidedService save(ProvidedService service) {
        access.requireEdit(service.vendorId());
        String name = Inputs.required("name", service.name(), "The service needs a name, e.g. \"payment processing\"", 200);
        if (dsl.fetchExists(VENDOR_SERVICE, VENDOR_SERVICE.VENDOR_ID.eq(service.vendorId()).and(VENDOR_SERVICE.NAME.equalIgnoreCase(name))
                .and(service.id() == null ? noCondition() : VENDOR_SERVICE.ID.ne(service.id())))) {
            throw new InvalidInputException("name", "This vendor already has a service named " + name);
        }
        VendorServiceRecord r;
        if (service.id() == null) {
            r = dsl.newRecord(VENDOR_SERVICE);
            r.setVendorId(service.vendorId());
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(VENDOR_SERVICE).where(VENDOR_SERVICE.ID.eq(service.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new InvalidInputException("service", "The service no longer exists"));
            if (r.getVendorId() != service.vendorId()) {
                throw new InvalidInputException("service", "The service belongs to another vendor");
            }
            if (r.getVersion() != service.version()) {
                throw new ConcurrentChangeException("Someone else changed this service in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setName(name);
        r.setDescription(Inputs.optional("description", service.description(), 10_000));
        r.store();
        return toService(r);
    }

    static ProvidedService toService(VendorServiceRecord r) {
        return new ProvidedService(r.getId(), r.getVendorId(), r.getName(), r.getDescription(), r.getVersion());
    }
}
