package dev.steward.reviews.ldap;

import com.unboundid.util.StaticUtils;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Last-login values as directories write them: LDAP generalized time, Active Directory's FILETIME, or ISO-8601. */
final class LdapTimes {

    /** Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

    private LdapTimes() {
    }

    /** The instant, or null when the value is not a time (or means "never"). */
    static Instant instant(String value) {
        String v = value.strip();
        if (never(v)) {
            return null;
        }
        if (v.matches("[0-9]{15,19}")) { // FILETIME: 100-nanosecond intervals since 1601 (lastLogonTimestamp)
            long ticks = Long.parseLong(v);
            return Instant.ofEpochSecond(ticks / 10_000_000 - FILETIME_EPOCH_OFFSET, (ticks % 10_000_000) * 100);
        }
        if (v.matches("[0-9]{10,14}([.,][0-9]+)?(Z|[+-][0-9]{2,4})")) {
            try {
                return StaticUtils.decodeGeneralizedTime(v).toInstant();
            } catch (ParseException e) {
                return null;
            }
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Active Directory writes 0 (or the largest number) for "never logged in". */
    static boolean never(String value) {
        String v = value.strip();
        return v.equals("0") || v.equals("9223372036854775807");
    }
}
