package dev.steward.platform.security;

import dev.steward.platform.db.generated.tables.records.UserSettingRecord;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.steward.platform.db.generated.Tables.USER_SETTING;

/**
 * The time zone each user reads times in: one they chose, or (none chosen) their browser's. Each user sets only their
 * own; the change is audited like any record's (through the record listener), with the zone before and after.
 */
@Service
public class UserTimeZones {

    /** The form field a refused zone belongs to. */
    public static final String FIELD = "timeZone";

    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    private final DSLContext dsl;

    public UserTimeZones(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The zone the signed-in user chose; empty when they follow their browser's. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<ZoneId> own() {
        String me = CurrentUser.username().orElseThrow();
        return dsl.select(USER_SETTING.TIME_ZONE).from(USER_SETTING).where(USER_SETTING.USERNAME.eq(me))
                .fetchOptional(USER_SETTING.TIME_ZONE).map(ZoneId::of);
    }

    /**
     * Sets the user's own zone: a {@link #choosable} zone id ("Europe/Berlin", "UTC"), or null or blank to follow the
     * browser's. Any other text is refused and nothing changes.
     */
    @PreAuthorize("isAuthenticated() and #username == authentication.name")
    @Transactional
    public void setOwn(String username, String zoneId) {
        String zone = zoneId == null || zoneId.isBlank() ? null : zoneId.strip();
        if (zone != null && !choosable(zone)) {
            throw new InvalidInputException(FIELD, "'" + shorten(zone) + "' is not a time zone; choose one from the list "
                    + "(such as Europe/Berlin), or the browser's zone");
        }
        Optional<UserSettingRecord> stored = dsl.selectFrom(USER_SETTING).where(USER_SETTING.USERNAME.eq(username)).forUpdate()
                .fetchOptional();
        if (Objects.equals(stored.map(UserSettingRecord::getTimeZone).orElse(null), zone)) {
            return; // nothing changes, nothing to audit
        }
        UserSettingRecord setting = stored.orElseGet(() -> {
            UserSettingRecord created = dsl.newRecord(USER_SETTING);
            created.setUsername(username);
            return created;
        });
        setting.setTimeZone(zone);
        setting.setChangedAt(Instant.now());
        setting.store();
    }

    /**
     * Whether a user may choose the zone: the regions' zones ("Europe/Berlin") and UTC. Not offsets ("+05:00") and not
     * the old aliases (US/Pacific, EST, Etc/GMT+5), which name the same clocks again, some of them misleadingly.
     */
    public static boolean choosable(String zoneId) {
        int slash = zoneId.indexOf('/');
        return ZoneId.getAvailableZoneIds().contains(zoneId)
                && (zoneId.equals("UTC") || slash > 0 && REGIONS.contains(zoneId.substring(0, slash)));
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
