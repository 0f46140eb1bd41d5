package dev.steward.reviews.imports;

import java.util.List;

/**
 * What an import would change against the system's current snapshot.
 *
 * @param sampleAdded / sampleRemoved a few grants as "account · entitlement", to recognise the change
 * @param notes what the import took leniently or found, in words (latest last login kept, disabled accounts, ...)
 */
public record ImportPreview(long rows, long accounts, long grantsAdded, long grantsRemoved, long grantsKept,
                            long accountsAdded, long accountsChanged, long accountsRemoved,
                            List<String> sampleAdded, List<String> sampleRemoved, List<String> notes) {
}
