package dev.steward.vendors.ui;

import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Catalogue codes as people read them: each code's name in the privacy catalogue (retired entries included, since
 * records keep them), read once per kind. A code the catalogue does not know is shown as it is.
 */
final class CatalogNames {

    private final PrivacyCatalog catalog;
    private final Map<CatalogKind, Map<String, String>> names = new EnumMap<>(CatalogKind.class);

    CatalogNames(PrivacyCatalog catalog) {
        this.catalog = catalog;
    }

    String name(CatalogKind kind, String code) {
        return names.computeIfAbsent(kind, k -> {
            Map<String, String> byCode = new HashMap<>();
            catalog.entries(k, true).forEach(e -> byCode.put(e.code(), e.name()));
            return byCode;
        }).getOrDefault(code, code);
    }

    /** "Health data, Identifiers". */
    String names(CatalogKind kind, Collection<String> codes) {
        return codes.stream().map(code -> name(kind, code)).collect(Collectors.joining(", "));
    }
}
