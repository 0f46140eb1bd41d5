package dev.steward.vendors;

import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import static dev.steward.vendors.db.Tables.VENDOR;
import static dev.steward.vendors.db.Tables.VENDOR_SERVICE;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;

/**
 * The data-level rule of the registry: readers and editors see and change every vendor; a business owner (holding
 * {@link VendorPermissions#OWN}) sees and changes only the vendors whose owner is their person in the directory (the
 * console user with the person's email, as the platform's team directory matches them).
 */
@Component
@PreAuthorize(VendorPermissions.SIGNED_IN) // its methods are the data-level checks; they answer for whoever asks
public class VendorAccess {

    private final DSLContext dsl;

    VendorAccess(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean mayReadAll() {
        return CurrentUser.hasPermission(VendorPermissions.READ) || CurrentUser.hasPermission(VendorPermissions.EDIT);
    }

    public boolean mayEditAll() {
        return CurrentUser.hasPermission(VendorPermissions.EDIT);
    }

    /** The vendors the current user may see, as a condition on {@code vendors.vendor}. */
    public Condition visibleVendors() {
        return mayReadAll() ? noCondition() : VENDOR.OWNER_PERSON_ID.in(myPersonIds());
    }

    /** The vendors whose business owner is the current user. */
    public Condition ownedByMe() {
        return VENDOR.OWNER_PERSON_ID.in(myPersonIds());
    }

    public void requireRead(long vendorId) {
        requireExists(vendorId);
        if (!mayReadAll() && !owns(vendorId)) {
            throw new AccessDeniedException("You may only read the vendors you are the business owner of");
        }
    }

    public void requireEdit(long vendorId) {
        requireExists(vendorId);
        if (!mayEditAll() && !owns(vendorId)) {
            throw new AccessDeniedException("You may only change the vendors you are the business owner of");
        }
    }

    /** The vendor of a service, checked for editing. */
    public long requireEditOfService(long serviceId) {
        long vendorId = vendorOfService(serviceId);
        requireEdit(vendorId);
        return vendorId;
    }

    public long requireReadOfService(long serviceId) {
        long vendorId = vendorOfService(serviceId);
        requireRead(vendorId);
        return vendorId;
    }

    private long vendorOfService(long serviceId) {
        return dsl.select(VENDOR_SERVICE.VENDOR_ID).from(VENDOR_SERVICE).where(VENDOR_SERVICE.ID.eq(serviceId))
                .fetchOptional(VENDOR_SERVICE.VENDOR_ID)
                .orElseThrow(() -> new InvalidInputException("service", "The service #" + serviceId + " no longer exists"));
    }

    private void requireExists(long vendorId) {
        if (!dsl.fetchExists(VENDOR, VENDOR.ID.eq(vendorId))) {
            throw new InvalidInputException("vendor", "The vendor #" + vendorId + " no longer exists");
        }
    }

    private boolean owns(long vendorId) {
        return dsl.fetchExists(VENDOR, VENDOR.ID.eq(vendorId).and(VENDOR.OWNER_PERSON_ID.in(myPersonIds())));
    }

    private org.jooq.Select<org.jooq.Record1<Long>> myPersonIds() {
        String username = CurrentUser.username().orElse("");
        return dsl.select(org.jooq.impl.DSL.field("p.id", Long.class))
                .from("platform.person p join platform.app_user u on lower(u.email) = lower(p.email)")
                .where(org.jooq.impl.DSL.field("u.username", String.class).eq(val(username)));
    }
}
