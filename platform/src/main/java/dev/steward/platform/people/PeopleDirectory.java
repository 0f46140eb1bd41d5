package dev.steward.platform.people;

import java.time.Instant;
import dev.steward.platform.db.generated.tables.records.PersonRecord;
import dev.steward.platform.events.PlatformEvents;
import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.PeopleChanged;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.steward.platform.db.generated.Tables.ORG_UNIT;
import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

/** People and their manager and org unit: list, find, edit one at a time, export. Imports: {@link PeopleImport}. */
@Service
public class PeopleDirectory {

    static final dev.steward.platform.db.generated.tables.Person MANAGER = PERSON.as("manager");

    /** The expression the trigram index {@code person_search_trgm} is built on. */
    static final Field<String> SEARCH_TEXT = field("({0} || ' ' || {1} || ' ' || {2})", String.class,
            PERSON.FULL_NAME, PERSON.EMPLOYEE_ID, coalesce(PERSON.EMAIL, inline("")));

    public enum Sort { NAME, EMPLOYEE_ID, STATUS, START_DATE, ORG_UNIT }

    private final DSLContext dsl;
    private final PlatformEvents events;

    public PeopleDirectory(DSLContext dsl, PlatformEvents events) {
        this.dsl = dsl;
        this.events = events;
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_READ + "')")
    @Transactional(readOnly = true)
    public List<Person> page(PersonFilter filter, Sort sort, boolean descending, int offset, int limit) {
        return select().where(condition(filter)).orderBy(order(sort, descending), PERSON.ID)
                .offset(offset).limit(limit).fetch(PeopleDirectory::toPerson);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_READ + "')")
    @Transactional(readOnly = true)
    public int count(PersonFilter filter) {
        return dsl.fetchCount(PERSON, condition(filter));
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_READ + "')")
    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return select().where(PERSON.ID.eq(id)).fetchOptional(PeopleDirectory::toPerson);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_READ + "')")
    @Transactional(readOnly = true)
    public List<OrgUnit> orgUnits() {
        var parent = ORG_UNIT.as("parent");
        return dsl.select(ORG_UNIT.ID, ORG_UNIT.CODE, ORG_UNIT.NAME, ORG_UNIT.PARENT_ID, parent.CODE, ORG_UNIT.VERSION)
                .from(ORG_UNIT).leftJoin(parent).on(parent.ID.eq(ORG_UNIT.PARENT_ID)).orderBy(ORG_UNIT.CODE)
                .fetch(r -> new OrgUnit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Creates or updates a person; returns the id. Throws {@link InvalidPersonException} or {@link ConcurrentChangeException}. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional
    public long save(PersonForm form) {
        List<String[]> problems = new ArrayList<>(PersonRules.check(form));
        if (!problems.isEmpty()) {
            throw new InvalidPersonException(problems);
        }
        String employeeId = form.employeeId().trim();
        if (dsl.fetchExists(PERSON, PERSON.EMPLOYEE_ID.eq(employeeId).and(form.id() == null ? noCondition() : PERSON.ID.ne(form.id())))) {
            throw new InvalidPersonException("employeeId", "Employee id " + employeeId + " belongs to someone else");
        }
        PersonRecord record = form.id() == null ? dsl.newRecord(PERSON) : lockedForUpdate(form.id(), form.version());
        if (form.managerId() != null && form.id() != null && managesThemselves(form.id(), form.managerId())) {
            throw new InvalidPersonException("managerId", "That manager reports (directly or not) to this person; "
                    + "a manager chain cannot loop");
        }
        Long unitBefore = record.getOrgUnitId();
        EmploymentStatus statusBefore = record.getEmploymentStatus();
        record.setEmployeeId(employeeId);
        record.setFullName(form.fullName().trim());
        record.setEmail(blankToNull(form.email()));
        record.setTitle(blankToNull(form.title()));
        record.setOrgUnitId(form.orgUnitId());
        record.setManagerId(form.managerId());
        record.setEmploymentStatus(form.status());
        record.setStartDate(form.startDate());
        record.setEndDate(form.endDate());
        if (form.id() != null) {
            record.setVersion(record.getVersion() + 1);
            record.setUpdatedAt(Instant.now());
        }
        record.store();
        if (form.id() != null) {
            events.publish(changed(record.getId(), unitBefore, statusBefore, form));
        }
        return record.getId();
    }

    /** What an edit meant: a move from one org unit to another, a termination (see {@link PeopleChanged}). */
    private static PeopleChanged changed(long personId, Long unitBefore, EmploymentStatus statusBefore, PersonForm form) {
        List<PeopleChanged.Move> moves = unitBefore != null && form.orgUnitId() != null && !unitBefore.equals(form.orgUnitId())
                ? List.of(new PeopleChanged.Move(personId, unitBefore, form.orgUnitId())) : List.of();
        List<PeopleChanged.Termination> terminations = form.status() == EmploymentStatus.TERMINATED && statusBefore != EmploymentStatus.TERMINATED
                ? List.of(new PeopleChanged.Termination(personId, statusBefore)) : List.of();
        return new PeopleChanged(PeopleChanged.Source.EDIT, CurrentUser.username().orElse("system"), null, moves, terminations);
    }

    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_MANAGE + "')")
    @Transactional
    public long saveOrgUnit(Long id, int version, String code, String name, Long parentId) {
        if (code == null || !code.trim().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}")) {
            throw new InvalidPersonException("code", "Code must be 1 to 50 letters, digits or . _ -");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidPersonException("name", "Name is required");
        }
        if (dsl.fetchExists(ORG_UNIT, ORG_UNIT.CODE.eq(code.trim()).and(id == null ? noCondition() : ORG_UNIT.ID.ne(id)))) {
            throw new InvalidPersonException("code", "Org unit code " + code.trim() + " is taken");
        }
        var record = id == null ? dsl.newRecord(ORG_UNIT) : dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(id)).forUpdate()
                .fetchOptional().orElseThrow(() -> new InvalidPersonException("code", "The org unit no longer exists"));
        if (id != null && record.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed this org unit in the meantime; reload and try again");
        }
        if (id != null && parentId != null && orgUnitAncestorsOf(parentId).contains(id)) {
            throw new InvalidPersonException("parentId", "An org unit cannot sit below itself");
        }
        record.setCode(code.trim());
        record.setName(name.trim());
        record.setParentId(parentId);
        if (id != null) {
            record.setVersion(record.getVersion() + 1);
            record.setUpdatedAt(Instant.now());
        }
        record.store();
        return record.getId();
    }

    /** Streams everyone in the import format, so an export can be edited and imported again. */
    @PreAuthorize("hasAuthority('" + PlatformPermissions.PEOPLE_READ + "')")
    @Transactional(readOnly = true)
    public void exportCsv(OutputStream out) {
        try (SafeCsv csv = SafeCsv.open(out, PeopleCsvFormat.COLUMNS.toArray(String[]::new));
             var cursor = select().orderBy(PERSON.EMPLOYEE_ID).fetchSize(2_000).fetchLazy()) {
            for (Record r : cursor) {
                Person p = toPerson(r);
                csv.row(p.employeeId(), p.fullName(), p.email(), p.title(), p.orgUnitCode(), p.managerEmployeeId(),
                        p.status().name().toLowerCase(), p.startDate(), p.endDate());
            }
        }
    }

    private PersonRecord lockedForUpdate(long id, int expectedVersion) {
        PersonRecord record = dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidPersonException("employeeId", "This person no longer exists"));
        if (record.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("Someone else changed this person in the meantime; your changes were not "
                    + "saved. Reload to see theirs, then apply yours again.");
        }
        return record;
    }

    /** True when {@code personId} appears in the management chain above {@code managerId}. */
    private boolean managesThemselves(long personId, long managerId) {
        return dsl.fetchOptional(dsl.resultQuery("""
                with recursive chain(id, depth) as (
                    select cast({0} as bigint), 0
                    union all
                    select p.manager_id, c.depth + 1 from platform.person p join chain c on p.id = c.id
                    where p.manager_id is not null and c.depth < 1000)
                select 1 from chain where id = {1} limit 1""", inline(managerId), inline(personId))).isPresent();
    }

    private List<Long> orgUnitAncestorsOf(long orgUnitId) {
        return dsl.resultQuery("""
                with recursive up(id, depth) as (
                    select cast({0} as bigint), 0
                    union all
                    select o.parent_id, u.depth + 1 from platform.org_unit o join up u on o.id = u.id
                    where o.parent_id is not null and u.depth < 1000)
                select id from up""", inline(orgUnitId)).fetch(0, Long.class);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(PERSON.asterisk(), ORG_UNIT.CODE, ORG_UNIT.NAME, MANAGER.EMPLOYEE_ID, MANAGER.FULL_NAME)
                .from(PERSON).leftJoin(ORG_UNIT).on(ORG_UNIT.ID.eq(PERSON.ORG_UNIT_ID))
                .leftJoin(MANAGER).on(MANAGER.ID.eq(PERSON.MANAGER_ID));
    }

    private static Condition condition(PersonFilter filter) {
        Condition c = noCondition();
        if (filter.text() != null && SearchSql.searchable(filter.text())) {
            c = c.and(SearchSql.matchesAllWords(filter.text(), SEARCH_TEXT));
        }
        if (filter.status() != null) {
            c = c.and(PERSON.EMPLOYMENT_STATUS.eq(filter.status()));
        }
        if (filter.orgUnitId() != null) {
            c = c.and(PERSON.ORG_UNIT_ID.eq(filter.orgUnitId()));
        }
        return c;
    }

    private static SortField<?> order(Sort sort, boolean descending) {
        Field<?> field = switch (sort == null ? Sort.NAME : sort) {
            case NAME -> PERSON.FULL_NAME;
            case EMPLOYEE_ID -> PERSON.EMPLOYEE_ID;
            case STATUS -> PERSON.EMPLOYMENT_STATUS;
            case START_DATE -> PERSON.START_DATE;
            case ORG_UNIT -> ORG_UNIT.CODE;
        };
        return descending ? field.desc().nullsLast() : field.asc().nullsLast();
    }

    static Person toPerson(Record r) {
        return new Person(r.get(PERSON.ID), r.get(PERSON.EMPLOYEE_ID), r.get(PERSON.FULL_NAME), r.get(PERSON.EMAIL),
                r.get(PERSON.TITLE), r.get(PERSON.ORG_UNIT_ID), r.get(ORG_UNIT.CODE), r.get(ORG_UNIT.NAME),
                r.get(PERSON.MANAGER_ID), r.get(MANAGER.EMPLOYEE_ID), r.get(MANAGER.FULL_NAME),
                r.get(PERSON.EMPLOYMENT_STATUS), r.get(PERSON.START_DATE),
                r.get(PERSON.END_DATE), r.get(PERSON.VERSION));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
