package dev.steward.platform.catalog;

/**
 * One catalogue entry; modules reference it by {@code (kind, code)}. Fields that do not apply to a kind are
 * null/false (see the V30 migration). {@code id} is null for a new entry.
 */
public record CatalogEntry(Long id, CatalogKind kind, String code, String name, String description, Integer sensitivity,
                           boolean specialCategory, String article, boolean eea, boolean euAdequacy, String adequacyNote,
                           boolean retired, int version) {

    public static CatalogEntry blank(CatalogKind kind) {
        return new CatalogEntry(null, kind, "", "", null, kind == CatalogKind.DATA_CATEGORY ? 2 : null, false, null,
                false, false, null, false, 0);
    }
}
