package dev.steward.reviews.integration;

import dev.steward.platform.spi.PersonalDataHolders;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.val;

/**
 * The organisation's own systems as holders of personal data: those marked as holding it (what data is not recorded
 * here, so their categories are unknown), owned by their system owner. The records about an individual are their
 * current accounts (of the latest import) in any system, marked or not, since an account is itself personal data:
 * found by email (any case), employee id, display name (exact, any case), or by account name where the system's
 * accounts are named by employee id. Each lookup is one index of current accounts.
 */
@Component
class PersonalDataInSystems implements PersonalDataHolders {

    private static final String ACCOUNTS = """
            with found as (
                select a.id from reviews.account a where a.removed_import is null and lower(a.email) = lower({0})
                union
                select a.id from reviews.account a where a.removed_import is null and a.employee_id = {1}
                union
                select a.id from reviews.account a join reviews.system s on s.id = a.system_id and s.join_rule = 'ACCOUNT_IS_EMPLOYEE_ID'
                where a.removed_import is null and lower(a.account_name) = lower({1})
                union
                select a.id from reviews.account a where a.removed_import is null and lower(a.display_name) = lower({2})
            )
            select s.id system_id, s.name system_name, a.account_name, a.email, a.employee_id, a.display_name, a.last_login
            from found f join reviews.account a on a.id = f.id join reviews.system s on s.id = a.system_id
            order by s.name, s.id, a.account_name""";

    private final DSLContext dsl;

    PersonalDataInSystems(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<DataHolder> holders() {
        return dsl.select(SYSTEM.ID, SYSTEM.NAME, SYSTEM.OWNER_PERSON_ID).from(SYSTEM).where(SYSTEM.PERSONAL_DATA)
                .orderBy(SYSTEM.NAME, SYSTEM.ID)
                .fetch(r -> new DataHolder(SystemLinks.TYPE, r.value1().toString(), r.value2(), HolderKind.OWN_SYSTEM, Set.of(),
                        r.value3(), null, null));
    }

    @Override
    public List<SubjectRecord> recordsAbout(SubjectKeys keys) {
        return dsl.fetch(ACCOUNTS, val(keys.email(), String.class), val(keys.employeeId(), String.class), val(keys.name(), String.class))
                .map(PersonalDataInSystems::account);
    }

    private static SubjectRecord account(Record r) {
        Map<String, String> points = new LinkedHashMap<>();
        put(points, SubjectRecord.EMAIL, r.get("email", String.class));
        put(points, SubjectRecord.EMPLOYEE_ID, r.get("employee_id", String.class));
        put(points, SubjectRecord.NAME, r.get("display_name", String.class));
        OffsetDateTime lastLogin = r.get("last_login", OffsetDateTime.class);
        put(points, "Last login", lastLogin == null ? null : lastLogin.toInstant().toString());
        return new SubjectRecord(SystemLinks.TYPE, r.get("system_id", Long.class).toString(), r.get("system_name", String.class),
                r.get("account_name", String.class), points);
    }

    private static void put(Map<String, String> points, String label, String value) {
        if (value != null) {
            points.put(label, value);
        }
    }
}
