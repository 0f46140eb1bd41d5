package dev.steward.platform.links;

import java.util.Comparator;

/** One end of a link: a record named by its provider's type and its id, e.g. {@code incidents.incident:42}. */
public record EntityRef(String type, String id) implements Comparable<EntityRef> {

    private static final Comparator<EntityRef> ORDER = Comparator.comparing(EntityRef::type).thenComparing(EntityRef::id);

    public EntityRef {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new LinkRejectedException("A linked record needs a type and an id");
        }
    }

    public static EntityRef of(String type, long id) {
        return new EntityRef(type, Long.toString(id));
    }

    /** Parses {@code type:id}, the form used in URLs. */
    public static EntityRef parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new LinkRejectedException("Not a record reference: " + text + " (expected type:id)");
        }
        return new EntityRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public int compareTo(EntityRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
