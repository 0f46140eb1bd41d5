package dev.steward.reviews.systems;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.EntitlementRecord;
import dev.steward.reviews.db.tables.records.SodRuleRecord;
import dev.steward.reviews.db.tables.records.SystemRecord;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.steward.reviews.db.Tables.ENTITLEMENT;
import static dev.steward.reviews.db.Tables.SOD_RULE;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Systems, their owners and privileged entitlements. Entitlement lists and marking by name rule: {@link Entitlements};
 * separation-of-duties rules with their checks: {@link SodRules}.
 */
@Service
public class SystemService {

    private final DSLContext dsl;

    /** The platform's people directory (its own jOOQ classes are the platform's; plain SQL names here). */
    static final org.jooq.Table<?> PERSON = table(name("platform", "person"));
    static final Field<Long> PERSON_ID = field(name("person", "id"), Long.class);
    static final Field<String> PERSON_NAME = field(name("person", "full_name"), String.class);
    static final Field<String> PERSON_EMAIL = field(name("person", "email"), String.class);
    static final Field<String> PERSON_EMPLOYEE_ID = field(name("person", "employee_id"), String.class);
    static final Field<String> PERSON_STATUS = field(name("person", "employment_status"), String.class);
    /** The expression of the directory's trigram index {@code platform.person_search_trgm}. */
    static final Field<String> PERSON_SEARCH_TEXT = field("({0} || ' ' || {1} || ' ' || coalesce({2}, ''))", String.class,
            PERSON_NAME, PERSON_EMPLOYEE_ID, PERSON_EMAIL);

    SystemService(DSLContext dsl) {
        this.dsl = dsl;
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<SystemInfo> list() {
        return dsl.selectFrom(SYSTEM).orderBy(SYSTEM.NAME).fetch(SystemService::toInfo);
    }

    @PreAuthorize(ReviewPermissions.MAY_READ)
    public Optional<SystemInfo> byCode(String code) {
        return dsl.selectFrom(SYSTEM).where(SYSTEM.CODE.eq(code)).fetchOptional(SystemService::toInfo);
    }

    /**
     * People who can own a system, for the owner picker: every word of the filter in the name, employee id or email
     * (the directory's trigram index), active people first, then by name.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional(readOnly = true)
    public List<PersonChoice> ownerCandidates(String filter, int offset, int limit) {
        return dsl.select(PERSON_ID, PERSON_NAME, PERSON_EMAIL, PERSON_EMPLOYEE_ID, PERSON_STATUS).from(PERSON)
                .where(SearchSql.searchable(filter) ? SearchSql.matchesAllWords(filter, PERSON_SEARCH_TEXT) : org.jooq.impl.DSL.noCondition())
                .orderBy(PERSON_STATUS.eq("ACTIVE").desc(), PERSON_NAME, PERSON_ID).offset(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 200)))
                .fetch(r -> new PersonChoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** One person of the directory (the current owner, to show in the picker). */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<PersonChoice> person(long personId) {
        return dsl.select(PERSON_ID, PERSON_NAME, PERSON_EMAIL, PERSON_EMPLOYEE_ID, PERSON_STATUS).from(PERSON).where(PERSON_ID.eq(personId))
                .fetchOptional(r -> new PersonChoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The owner's name per system id, for systems that have an owner. */
    @PreAuthorize(ReviewPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Map<Long, String> ownerNames() {
        return dsl.select(SYSTEM.ID, PERSON_NAME).from(SYSTEM).join(PERSON).on(PERSON_ID.eq(SYSTEM.OWNER_PERSON_ID))
                .fetchMap(SYSTEM.ID, PERSON_NAME);
    }

    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public SystemInfo save(SystemInfo system) {
        String code = system.code() == null ? "" : system.code().strip();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}")) {
            problems.add(new InvalidInputException.Problem("code", "The code must be 1 to 50 letters, digits or _ . -"));
        }
        if (system.name() == null || system.name().isBlank()) {
            problems.add(new InvalidInputException.Problem("name", "The system needs a name"));
        }
        if (system.dormantAfterDays() != null && system.dormantAfterDays() < 1) {
            problems.add(new InvalidInputException.Problem("dormantAfterDays", "Dormant after must be at least one day"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (system.ownerPersonId() != null && !dsl.fetchExists(PERSON, PERSON_ID.eq(system.ownerPersonId()))) {
            throw new InvalidInputException("owner", "The owner (person #" + system.ownerPersonId()
                    + ") is not in the people directory; pick the owner from the list");
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
                throw new ConcurrentChangeException("Someone else changed this system in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setCode(code);
        r.setName(system.name().strip());
        r.setOwnerPersonId(system.ownerPersonId());
        r.setCriticality(system.criticality() == null ? SystemInfo.Criticality.MEDIUM : system.criticality());
        r.setPersonalData(system.personalData());
        r.setDormantAfterDays(system.dormantAfterDays());
        r.setJoinRule(system.joinRule());
        r.store();
        return toInfo(r);
    }

    /** Marks an entitlement of a system privileged (or not); its review items then need a comment to be approved. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public void setPrivileged(long systemId, String entitlement, boolean privileged) {
        if (!dsl.fetchExists(SYSTEM, SYSTEM.ID.eq(systemId))) {
            throw new InvalidInputException("system", "The system no longer exists");
        }
        if (entitlement == null || entitlement.isBlank()) {
            throw new InvalidInputException("entitlement", "Name the entitlement to mark");
        }
        EntitlementRecord r = dsl.selectFrom(ENTITLEMENT).where(ENTITLEMENT.SYSTEM_ID.eq(systemId).and(ENTITLEMENT.NAME.eq(entitlement)))
                .fetchOptional().orElseGet(() -> {
                    EntitlementRecord created = dsl.newRecord(ENTITLEMENT);
                    created.setSystemId(systemId);
                    created.setName(entitlement);
                    created.setVersion(0);
                    return created;
                });
        if (r.getId() != null && r.getPrivileged() != privileged) {
            r.setVersion(r.getVersion() + 1);
        }
        r.setPrivileged(privileged);
        r.store();
    }

    /**
     * Holding both entitlements is a conflict; review items of either are flagged. For setting up before the first
     * import (the entitlements need not be known yet); the administrators' path with every check is
     * {@link SodRules#add}.
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
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
        return new SystemInfo(r.getId(), r.getCode(), r.getName(), r.getOwnerPersonId(), r.getCriticality(),
                r.getPersonalData(), r.getDormantAfterDays(), r.getJoinRule(), r.getVersion());
    }
}
