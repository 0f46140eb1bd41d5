package dev.steward.vendors.registry;

import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.SavedFilterRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static dev.steward.vendors.db.Tables.SAVED_FILTER;

/** Each user's own named filters of the vendor grid; saving under an existing name replaces that filter. */
@Service
public class SavedFilters {

    static final int MAX_NAME = 100;

    private final DSLContext dsl;

    SavedFilters(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<SavedFilter> mine() {
        return dsl.selectFrom(SAVED_FILTER).where(SAVED_FILTER.OWNER.eq(me())).orderBy(SAVED_FILTER.NAME).fetch(SavedFilters::toFilter);
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional
    public SavedFilter save(String name, VendorFilter filter) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "Name the filter");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "At most " + MAX_NAME + " characters");
        }
        if (filter.text() != null && filter.text().length() > 200) {
            throw new InvalidInputException("text", "The name filter is longer than 200 characters");
        }
        SavedFilterRecord r = dsl.selectFrom(SAVED_FILTER).where(SAVED_FILTER.OWNER.eq(me())).and(SAVED_FILTER.NAME.eq(trimmed))
                .fetchOptional().orElseGet(() -> dsl.newRecord(SAVED_FILTER));
        r.setOwner(me());
        r.setName(trimmed);
        r.setText(filter.text() == null || filter.text().isBlank() ? null : filter.text().strip());
        r.setTier(filter.tier());
        r.setStatus(filter.status() == null ? null : filter.status().name());
        r.setDataCategory(filter.dataCategory());
        r.setCountry(filter.country());
        r.setExpiringWithinDays(filter.expiringWithinDays());
        r.setMissingDpa(filter.missingDpa());
        r.setTransferGap(filter.transferGap());
        r.store();
        return toFilter(r);
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional
    public void delete(long id) {
        SavedFilterRecord r = dsl.selectFrom(SAVED_FILTER).where(SAVED_FILTER.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new InvalidInputException(null, "That saved filter no longer exists"));
        if (!r.getOwner().equals(me())) {
            throw new AccessDeniedException("You may only delete your own saved filters");
        }
        r.delete();
    }

    private static String me() {
        return CurrentUser.username().orElseThrow(() -> new AccessDeniedException("Sign in to keep filters"));
    }

    private static SavedFilter toFilter(SavedFilterRecord r) {
        return new SavedFilter(r.getId(), r.getName(), new VendorFilter(r.getText(), r.getTier(),
                r.getStatus() == null ? null : VendorStatus.valueOf(r.getStatus()), r.getDataCategory(), r.getCountry(),
                r.getExpiringWithinDays(), r.getMissingDpa(), r.getTransferGap(), false));
    }
}
