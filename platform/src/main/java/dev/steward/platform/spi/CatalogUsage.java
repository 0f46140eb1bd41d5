package dev.steward.platform.spi;

import java.util.List;

/**
 * Extension point: a plugin reports where it references privacy-catalogue entries, so that an entry in use is
 * never deleted (only retired), and the catalogue can say where it is used.
 */
public interface CatalogUsage {

    /** @param kind the name of a {@code CatalogKind}, e.g. "DATA_CATEGORY" */
    List<Use> usesOf(String kind, String code);

    /** "used by {count} {what}", e.g. 3 "vendor services". */
    record Use(String what, int count) {
    }
}
