package dev.steward.platform.spi;

import dev.steward.platform.links.EntityRef;

/**
 * Two records of (usually) different modules were linked: an incident to a system it affected, a vendor to an incident.
 * Each end is described as its module describes it ({@link EntityLinkProvider}: label, kind, title), so that a listener
 * can act on a kind of record (a case linked to a system) without knowing the module that owns it.
 *
 * @param linkId the id of the link in {@code platform.entity_link}
 * @param actor  the user who linked them
 */
public record RecordsLinked(long linkId, End first, End second, String note, String actor) {

    /** One end of the link: e.g. {@code incidents.incident:12}, "Incident", CASE, "INC-12 Database copied". */
    public record End(EntityRef ref, String label, EntityLinkProvider.Kind kind, String title) {
    }

    /** The end of the given type, if either end is of it. */
    public java.util.Optional<End> end(String type) {
        return first.ref().type().equals(type) ? java.util.Optional.of(first)
                : second.ref().type().equals(type) ? java.util.Optional.of(second) : java.util.Optional.empty();
    }

    /** The end that is not {@code end}. */
    public End other(End end) {
        return end == first ? second : first;
    }
}
