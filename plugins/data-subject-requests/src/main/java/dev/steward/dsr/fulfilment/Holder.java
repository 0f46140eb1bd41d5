package dev.steward.dsr.fulfilment;

import java.util.Set;

/**
 * One place holding personal data, as the platform's personal-data map names it (its DataHolder, in fulfilment's terms).
 *
 * @param categories    catalogue DATA_CATEGORY codes; empty when not known (then it may hold anything)
 * @param ownerPersonId who answers for it inside the organisation (people directory), or null
 * @param viaId         for a sub-processor: the id of the holder it works for, else null
 * @param purposes      catalogue PURPOSE codes it processes the data for; empty when not known
 */
public record Holder(String type, String id, String name, HolderKind kind, Set<String> categories, Long ownerPersonId,
                     String contactEmail, String viaId, Set<String> purposes) {

    public Holder {
        categories = Set.copyOf(categories);
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }

    /** A holder whose purposes are not known. */
    public Holder(String type, String id, String name, HolderKind kind, Set<String> categories, Long ownerPersonId,
                  String contactEmail, String viaId) {
        this(type, id, name, kind, categories, ownerPersonId, contactEmail, viaId, Set.of());
    }

    /** Whether it may hold data of any of {@code involved} (no categories involved: all of them). */
    public boolean mayHold(Set<String> involved) {
        return involved.isEmpty() || categories.isEmpty() || involved.stream().anyMatch(categories::contains);
    }
}
