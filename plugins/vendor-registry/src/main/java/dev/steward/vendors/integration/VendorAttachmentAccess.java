package dev.steward.vendors.integration;

import dev.steward.platform.spi.AttachmentAccess;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static dev.steward.vendors.db.Tables.CERTIFICATION;
import static dev.steward.vendors.db.Tables.CONTRACT;

/**
 * Files on vendors, contracts (the signed document) and certifications (the certificate or report): whoever may read
 * the vendor reads them, whoever may change it adds them.
 */
@Component
class VendorAttachmentAccess implements AttachmentAccess {

    private final DSLContext dsl;
    private final VendorAccess access;

    VendorAttachmentAccess(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    @Override
    public String module() {
        return VendorPermissions.PLUGIN_ID;
    }

    @Override
    public boolean mayRead(String entityType, String entityId) {
        return vendorOf(entityType, entityId).map(id -> allowed(() -> access.requireRead(id))).orElse(false);
    }

    @Override
    public String writePermission() {
        return VendorPermissions.EDIT;
    }

    @Override
    public String otherWriters() {
        return "the vendor's business owner";
    }

    @Override
    public boolean mayWrite(String entityType, String entityId) {
        return vendorOf(entityType, entityId).map(id -> allowed(() -> access.requireEdit(id))).orElse(false);
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDeniedException | IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<Long> vendorOf(String entityType, String entityId) {
        long id;
        try {
            id = Long.parseLong(entityId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return switch (entityType) {
            case "vendor" -> Optional.of(id);
            case "contract" -> dsl.select(CONTRACT.VENDOR_ID).from(CONTRACT).where(CONTRACT.ID.eq(id)).fetchOptional(CONTRACT.VENDOR_ID);
            case "certification" -> dsl.select(CERTIFICATION.VENDOR_ID).from(CERTIFICATION).where(CERTIFICATION.ID.eq(id))
                    .fetchOptional(CERTIFICATION.VENDOR_ID);
            default -> Optional.empty();
        };
    }
}
