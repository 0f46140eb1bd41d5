package dev.steward.reviews.triggers;

import org.jooq.DSLContext;

import java.util.List;

import static org.jooq.impl.DSL.val;

/**
 * The systems on which one person holds access now: their current accounts with at least one grant, matched by each
 * system's join rule as the launch and the global access search match them (one indexed lookup per rule, V9/V11).
 */
final class PersonAccess {

    private static final String SYSTEMS = """
            with p as (select id, employee_id, email from platform.person where id = {0})
            select distinct a.system_id from (
                select a.system_id, a.grants from p join reviews.account a on a.removed_import is null and a.employee_id = p.employee_id
                    join reviews.system s on s.id = a.system_id and s.join_rule in ('EMPLOYEE_ID_THEN_EMAIL', 'EMPLOYEE_ID')
                union all
                select a.system_id, a.grants from p join reviews.account a on a.removed_import is null and lower(a.email) = lower(p.email)
                    join reviews.system s on s.id = a.system_id
                    and (s.join_rule = 'EMAIL' or (s.join_rule = 'EMPLOYEE_ID_THEN_EMAIL' and a.employee_id is null))
                union all
                select a.system_id, a.grants from p join reviews.account a on a.removed_import is null
                    and lower(a.account_name) = lower(p.employee_id)
                    join reviews.system s on s.id = a.system_id and s.join_rule = 'ACCOUNT_IS_EMPLOYEE_ID'
                union all
                select a.system_id, a.grants from p join reviews.account a on a.removed_import is null
                    and lower(a.account_name) = lower(split_part(p.email, '@', 1))
                    join reviews.system s on s.id = a.system_id and s.join_rule = 'ACCOUNT_IS_EMAIL_LOCAL_PART'
            ) a where a.grants > 0 order by a.system_id""";

    private PersonAccess() {
    }

    static List<Long> systemsOf(DSLContext dsl, long personId) {
        return dsl.fetch(SYSTEMS, val(personId)).getValues(0, Long.class);
    }
}
