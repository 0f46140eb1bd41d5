package dev.steward.platform.catalog;

import java.time.Instant;
import dev.steward.platform.db.generated.tables.records.CatalogEntryRecord;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.CatalogUsage;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.steward.platform.db.generated.Tables.CATALOG_ENTRY;
import static org.jooq.impl.DSL.noCondition;

/** The shared privacy catalogue: read by everyone, edited by privacy officers; entries in use are retired, not deleted. */
@Service
public class PrivacyCatalog {

    private final DSLContext dsl;
    private final ExtensionRegistry registry;

    public PrivacyCatalog(DSLContext dsl, ExtensionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    /** Entries of a kind by name; retired ones only when asked (pickers leave them out, existing references keep them). */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.CATALOG_READ + "')")
    @Transactional(readOnly = true)
    public List<CatalogEntry> entries(CatalogKind kind, boolean includeRetired) {
        return dsl.selectFrom(CATALOG_ENTRY).where(CATALOG_ENTRY.KIND.eq(kind))
                .and(includeRetired ? noCondition() : CATALOG_ENTRY.RETIRED.isFalse())
                .orderBy(CATALOG_ENTRY.NAME).fetch(PrivacyCatalog::toEntry);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.CATALOG_READ + "')")
    @Transactional(readOnly = true)
    public Optional<CatalogEntry> find(CatalogKind kind, String code) {
        return dsl.selectFrom(CATALOG_ENTRY).where(CATALOG_ENTRY.KIND.eq(kind)).and(CATALOG_ENTRY.CODE.eq(code))
                .fetchOptional(PrivacyCatalog::toEntry);
    }

    /** Whether a code exists (retired or not): a reference check for validating a module's records, open to every caller. */
    @Transactional(readOnly = true)
    public boolean exists(CatalogKind kind, String code) {
        return dsl.fetchExists(CATALOG_ENTRY, CATALOG_ENTRY.KIND.eq(kind).and(CATALOG_ENTRY.CODE.eq(code)));
    }

    /** The jurisdiction codes of the EEA, for rules that apply across it; open to every caller. */
    @Transactional(readOnly = true)
    public java.util.Set<String> eeaJurisdictions() {
        return new java.util.HashSet<>(dsl.select(CATALOG_ENTRY.CODE).from(CATALOG_ENTRY)
                .where(CATALOG_ENTRY.KIND.eq(CatalogKind.JURISDICTION).and(CATALOG_ENTRY.EEA.isTrue())).fetch(CATALOG_ENTRY.CODE));
    }

    /** Creates or updates an entry; returns its id. Throws {@link IllegalArgumentException} or {@link ConcurrentChangeException}. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.CATALOG_MANAGE + "')")
    @Transactional
    public long save(CatalogEntry entry) {
        String code = entry.code() == null ? "" : entry.code().trim();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}")) {
            throw new IllegalArgumentException("Code must be 1 to 50 letters, digits or _ . -");
        }
        if (entry.name() == null || entry.name().isBlank()) {
            throw new IllegalArgumentException("Name is required");
        }
        if (entry.kind() == CatalogKind.DATA_CATEGORY && (entry.sensitivity() == null || entry.sensitivity() < 1 || entry.sensitivity() > 4)) {
            throw new IllegalArgumentException("A data category needs a sensitivity from 1 (low) to 4 (very high)");
        }
        if (dsl.fetchExists(CATALOG_ENTRY, CATALOG_ENTRY.KIND.eq(entry.kind()).and(CATALOG_ENTRY.CODE.eq(code))
                .and(entry.id() == null ? noCondition() : CATALOG_ENTRY.ID.ne(entry.id())))) {
            throw new IllegalArgumentException("The code " + code + " is already used in " + entry.kind().label());
        }
        CatalogEntryRecord record = entry.id() == null ? dsl.newRecord(CATALOG_ENTRY) : lockedForUpdate(entry.id(), entry.version());
        if (entry.id() != null && !record.getCode().equals(code) && !usesOf(entry.kind(), record.getCode()).isEmpty()) {
            throw new IllegalArgumentException("The code of " + record.getName() + " cannot change while it is used ("
                    + describe(usesOf(entry.kind(), record.getCode())) + ")");
        }
        record.setKind(entry.kind());
        record.setCode(code);
        record.setName(entry.name().trim());
        record.setDescription(blankToNull(entry.description()));
        record.setSensitivity(entry.sensitivity() == null ? null : entry.sensitivity().shortValue());
        record.setSpecialCategory(entry.specialCategory());
        record.setArticle(blankToNull(entry.article()));
        record.setEea(entry.eea());
        record.setEuAdequacy(entry.euAdequacy());
        record.setAdequacyNote(blankToNull(entry.adequacyNote()));
        record.setRetired(entry.retired());
        if (entry.id() != null) {
            record.setVersion(record.getVersion() + 1);
            record.setUpdatedAt(Instant.now());
        }
        record.store();
        return record.getId();
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.CATALOG_MANAGE + "')")
    @Transactional
    public void setRetired(long id, int version, boolean retired) {
        CatalogEntryRecord record = lockedForUpdate(id, version);
        record.setRetired(retired);
        record.setVersion(record.getVersion() + 1);
        record.setUpdatedAt(Instant.now());
        record.store();
    }

    /** Deletes an unused entry; an entry any module uses is refused with where it is used (retire it instead). */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.CATALOG_MANAGE + "')")
    @Transactional
    public void delete(long id, int version) {
        CatalogEntryRecord record = lockedForUpdate(id, version);
        List<CatalogUsage.Use> uses = usesOf(record.getKind(), record.getCode());
        if (!uses.isEmpty()) {
            throw new IllegalArgumentException(record.getName() + " is used by " + describe(uses) + "; retire it instead");
        }
        record.delete();
    }

    /** Where the enabled and disabled plugins reference an entry (disabled plugins' data still counts). */
    public List<CatalogUsage.Use> usesOf(CatalogKind kind, String code) {
        return registry.startedContributions(CatalogUsage.class).values().stream().flatMap(List::stream)
                .flatMap(usage -> usage.usesOf(kind.name(), code).stream()).filter(use -> use.count() > 0).toList();
    }

    private static String describe(List<CatalogUsage.Use> uses) {
        return uses.stream().map(u -> u.count() + " " + u.what()).collect(Collectors.joining(", "));
    }

    private CatalogEntryRecord lockedForUpdate(long id, int version) {
        CatalogEntryRecord record = dsl.selectFrom(CATALOG_ENTRY).where(CATALOG_ENTRY.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("This catalogue entry no longer exists"));
        if (record.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this entry in the meantime; reload and try again");
        }
        return record;
    }

    static CatalogEntry toEntry(CatalogEntryRecord r) {
        return new CatalogEntry(r.getId(), r.getKind(), r.getCode(), r.getName(), r.getDescription(),
                r.getSensitivity() == null ? null : r.getSensitivity().intValue(), r.getSpecialCategory(), r.getArticle(),
                r.getEea(), r.getEuAdequacy(), r.getAdequacyNote(), r.getRetired(), r.getVersion());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
