package dev.steward.dsr.fulfilment;

import java.util.List;
import java.util.Map;

/**
 * Where the organisation holds personal data and what it holds about one individual. Stands in for the platform's
 * personal-data map until that is on main; fulfilment asks every bean of this type.
 */
public interface HolderSource {

    List<Holder> holders();

    /** The records about the individual with this email or name: holder name, record name, field to value. */
    default List<HeldRecord> recordsAbout(String email, String name) {
        return List.of();
    }

    record HeldRecord(String holderName, String recordName, Map<String, String> fields) {
    }
}
