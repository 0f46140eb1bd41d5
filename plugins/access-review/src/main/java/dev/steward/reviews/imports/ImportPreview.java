package dev.steward.reviews.imports;

import java.util.List;

/**
 * What an import would change against the system's current snapshot.
 *
 * @param grantsKept grants that stay as they are (neither added, removed nor held another way)
 * @param howGrantedChanged grants that stay but are held another way (direct → via a group, ...)
 * @param sampleAdded / sampleRemoved a few grants as "account · entitlement", to recognise the change
 * @param sampleHowGrantedChanged a few as "account · entitlement: direct member → via group X"
 * @param notes what the import took leniently or found, in words (latest last login kept, disabled accounts, ...)
 */
public record ImportPreview(long rows, long accounts, long grantsAdded, long grantsRemoved, long grantsKept, long howGrantedChanged,
                            long accountsAdded, long accountsChanged, long accountsRemoved,
                            List<String> sampleAdded, List<String> sampleRemoved, List<String> sampleHowGrantedChanged,
                            List<String> notes) {
}
