package dev.steward.benchmarks;

import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;

/** People, managers with console accounts, systems and entitlements for the access-review benchmark. */
final class ReviewGenerator {

    private ReviewGenerator() {
    }

    /** People P-1..P-n; every tenth is a manager (with a console user) of the nine after them. */
    static void peopleAndSystems(DSLContext dsl, int people, int systems) {
        dsl.execute("""
                insert into platform.person (employee_id, full_name, email, employment_status, end_date)
                select 'P-' || g, 'Person ' || g, 'p' || g || '@bench.example',
                       case when g % 97 = 0 then 'TERMINATED' else 'ACTIVE' end,
                       case when g % 97 = 0 then date '2026-01-31' end
                from generate_series(1, {people}) g
                """.replace("{people}", Integer.toString(people)));
        dsl.execute("""
                update platform.person p set manager_id = m.id
                from platform.person m
                where m.employee_id = 'P-' || (((substring(p.employee_id from 3)::int - 1) / 10) * 10 + 1)
                  and m.id <> p.id
                """);
        dsl.execute("""
                insert into platform.app_user (username, display_name, email, password_hash)
                select 'mgr' || substring(employee_id from 3), full_name, email, '{noop}x'
                from platform.person where (substring(employee_id from 3)::int - 1) % 10 = 0
                """);
        dsl.execute("insert into platform.app_user (username, display_name, email, password_hash) values ('fallback', 'Fallback', 'fallback@bench.example', '{noop}x')");
        dsl.execute("""
                insert into reviews.system (code, name, criticality, personal_data, dormant_after_days, version)
                select 'SYS-' || g, 'System ' || g, (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], g % 2 = 0, 90, 0
                from generate_series(1, {systems}) g
                """.replace("{systems}", Integer.toString(systems)));
    }

    /**
     * Every person in one of {@link #UNITS} org units (so peer outliers are computed) and {@code rules} SoD rules between
     * entitlements that a unit shares (so conflicts are found).
     */
    static void orgUnitsAndSodRules(DSLContext dsl, int rules, long importedSystem) {
        dsl.execute("insert into platform.org_unit (code, name) select 'U-' || g, 'Unit ' || g from generate_series(1, " + UNITS + ") g");
        dsl.execute("update platform.person p set org_unit_id = u.id from platform.org_unit u"
                + " where u.code = 'U-' || (1 + substring(p.employee_id from 3)::int % " + UNITS + ")");
        // two entitlements that one unit shares conflict: every member of the unit holds both
        dsl.execute("""
                insert into reviews.sod_rule (name, system_a, entitlement_a, system_b, entitlement_b)
                select 'Rule ' || g, {0}, 'GRP_' || (((1 + g % 100) * 20 + g % 89) % 2000),
                       {0}, 'GRP_' || (((1 + g % 100) * 20 + g % 89 + 1) % 2000)
                from generate_series(1, {1}) g
                """, importedSystem, rules);
        dsl.execute("analyze platform.person");
    }

    /** The org unit (1..{@link #UNITS}) of person P-p, once {@link #orgUnitsAndSodRules} has assigned them. */
    static final int UNITS = 100;

    static int unit(int p) {
        return 1 + p % UNITS;
    }

    /**
     * A file of {@code people} accounts with {@code perAccount} entitlements each: nine in ten shared with the person's
     * org unit (as role-based access is), one in ten personal (the peer outliers).
     */
    static byte[] csv(int people, int perAccount) {
        StringBuilder csv = new StringBuilder(people * perAccount * 60);
        csv.append("account,entitlement,employee_id,email,display_name,last_login\n");
        for (int p = 1; p <= people; p++) {
            String login = p % 13 == 0 ? "2025-01-01" : "2026-11-20";
            for (int e = 0; e < perAccount; e++) {
                int entitlement = e < perAccount * 9 / 10 ? (unit(p) * 20 + e) % 2000 : 2000 + (p * 7 + e * 31) % 2000;
                csv.append("u").append(p).append(",GRP_").append(entitlement).append(",P-").append(p).append(",p").append(p)
                        .append("@bench.example,Person ").append(p).append(',').append(login).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Accounts and grants for every system but the imported one, spread over the people, up to {@code total} grants. */
    static void grantsForOtherSystems(DSLContext dsl, long importedSystem, int total) {
        long importId = ((Number) dsl.fetchValue("select max(id) from reviews.import_run")).longValue();
        int current = dsl.fetchCount(org.jooq.impl.DSL.table("reviews.access_grant"), org.jooq.impl.DSL.condition("removed_import is null"));
        int missing = Math.max(0, total - current);
        dsl.execute("""
                insert into reviews.account (system_id, account_name, employee_id, email, display_name, last_login, added_import)
                select s.id, 'acc' || g, 'P-' || g, 'p' || g || '@bench.example', 'Person ' || g, now() - (g % 200) * interval '1 day', {import}
                from reviews.system s cross join generate_series(1, 400) g where s.id <> {system}
                """.replace("{import}", Long.toString(importId)).replace("{system}", Long.toString(importedSystem)));
        dsl.execute("""
                insert into reviews.access_grant (system_id, account_name, entitlement, added_import)
                select a.system_id, a.account_name, 'ROLE_' || ((a.id + e) % 40), {import}
                from reviews.account a cross join generate_series(1, 10) e
                where a.system_id <> {system}
                limit {missing}
                """.replace("{import}", Long.toString(importId)).replace("{system}", Long.toString(importedSystem))
                .replace("{missing}", Integer.toString(missing)));
        dsl.execute("""
                update reviews.account a set grants = c.n from (select system_id, account_name, count(*) n from reviews.access_grant
                    where removed_import is null and system_id <> {system} group by system_id, account_name) c
                where a.system_id = c.system_id and a.account_name = c.account_name
                """.replace("{system}", Long.toString(importedSystem)));
        dsl.execute("analyze reviews.access_grant");
        dsl.execute("analyze reviews.account");
        dsl.execute("analyze platform.person");
    }
}
