package dev.steward.reviews.systems;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.EntitlementRecord;
import dev.steward.reviews.db.tables.records.SodRuleRecord;
import dev.steward.reviews.db.tables.records.SystemRecord;
import org.jooq.DSLContext;
import org.jooq.exception.DataChangedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.SOD_RULE;
import static dev.steward.reviews.db.Tables.SYSTEM;

/** Systems, their privileged entitlements and the separation-of-duties rules between entitlements. */
@Service
public class SystemService {

    private final DSLContext dsl;
    private final ExtensionRegistry registry;

    SystemService(DSLContext dsl, ExtensionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "') or hasAuthority('" + ReviewPermissions.READ + "')")
    @Transactional(readOnly = true)
    public List<SystemInfo> list() {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        return dsl.selectFrom(SYSTEM).orderBy(SYSTEM.NAME).fetch(SystemService::toInfo);
    }

    public Optional<SystemInfo> byCode(String code) {
        return dsl.selectFrom(SYSTEM).where(SYSTEM.CODE.eq(code)).fetchOptional(SystemService::toInfo);
    }

    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public SystemInfo save(SystemInfo system) {
        registry.requireEnabled(ReviewPermissions.PLUGIN_ID);
        String code = system.code() == null ? "" : system.code().strip();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}")) {
            throw new IllegalArgumentException("The code must be 1 to 50 letters, digits or _ . -");
        }
        if (system.name() == null || system.name().isBlank()) {
            throw new IllegalArgumentException("The system needs a name");
        }
        if (system.dormantAfterDays() != null && system.dormantAfterDays() < 1) {
            throw new IllegalArgumentException("Dormant after must be at least one day");
        }
        if (dsl.fetchExists(SYSTEM, SYSTEM.CODE.eq(code).and(system.id() == null ? org.jooq.impl.DSL.noCondition() : SYSTEM.ID.ne(system.id())))) {
            throw new IllegalArgumentException("Another system has the code " + code);
        }
        SystemRecord r;
        if (system.id() == null) {
            r = dsl.newRecord(SYSTEM);
            r.setVersion(0);
        } else {
            r = dsl.selectFrom(SYSTEM).where(SYSTEM.ID.eq(system.id())).forUpdate().fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("The system no longer exists"));
            if (r.getVersion() != system.version()) {
                throw new DataChangedException("Someone else changed this system in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setCode(code);
        r.setName(system.name().strip());
        r.setOwnerPersonId(system.ownerPersonId());
        r.setCriticality((system.criticality() == null ? SystemInfo.Criticality.MEDIUM : system.criticality()).name());
        r.setPersonalData(system.personalData());
        r.setDormantAfterDays(system.dormantAfterDays());
        r.store();
        return toInfo(r);
    }

    /** Marks an entitlement of a system privileged (or not); its review items then need a comment to be approved. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public void setPrivileged(long systemId, String entitlement, boolean privileged) {
        EntitlementRecord r = dsl.selectFrom(ENTITLEMENT).where(ENTITLEMENT.SYSTEM_ID.eq(systemId).and(ENTITLEMENT.NAME.eq(entitlement)))
                .fetchOptional().orElseGet(() -> {
                    EntitlementRecord created = dsl.newRecord(ENTITLEMENT);
                    created.setSystemId(systemId);
                    created.setName(entitlement);
                    created.setVersion(0);
                    return created;
                });
        r.setPrivileged(privileged);
        r.store();
    }

    /** Holding both entitlements is a conflict; review items of either are flagged. */
    @PreAuthorize("hasAuthority('" + ReviewPermissions.ADMIN + "')")
    @Transactional
    public long addSodRule(String name, long systemA, String entitlementA, long systemB, String entitlementB) {
        if (name == null || name.isBlank() || entitlementA == null || entitlementA.isBlank() || entitlementB == null || entitlementB.isBlank()) {
            throw new IllegalArgumentException("A SoD rule needs a name and two entitlements");
        }
        SodRuleRecord r = dsl.newRecord(SOD_RULE);
        r.setName(name.strip());
        r.setSystemA(systemA);
        r.setEntitlementA(entitlementA.strip());
        r.setSystemB(systemB);
        r.setEntitlementB(entitlementB.strip());
        r.store();
        return r.getId();
    }

    static SystemInfo toInfo(SystemRecord r) {
        return new SystemInfo(r.getId(), r.getCode(), r.getName(), r.getOwnerPersonId(), SystemInfo.Criticality.valueOf(r.getCriticality()),
                r.getPersonalData(), r.getDormantAfterDays(), r.getVersion());
    }
}
