package dev.steward.platform.people;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.jooq.impl.DSL.inline;

/**
 * Who manages whom among console users: a user is the person in the directory with the same email (case
 * insensitive); their manager is that person's manager, if that person is a user too. Internal to the platform
 * (escalations, team views); callers check permissions.
 */
@Component
public class TeamDirectory {

    private final DSLContext dsl;

    public TeamDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> managerOf(String username) {
        return dsl.resultQuery("""
                select mu.username from platform.app_user u
                join platform.person p on lower(p.email) = lower(u.email)
                join platform.person m on m.id = p.manager_id
                join platform.app_user mu on lower(mu.email) = lower(m.email) and mu.active
                where u.username = {0}
                limit 1""", inline(username)).fetchOptional(0, String.class);
    }

    /** The users who report to this user, directly or further down. */
    public Set<String> reportsOf(String username) {
        return new TreeSet<>(dsl.resultQuery("""
                with recursive below(id, depth) as (
                    select p.id, 0 from platform.app_user u join platform.person p on lower(p.email) = lower(u.email)
                    where u.username = {0}
                    union all
                    select p.id, b.depth + 1 from platform.person p join below b on p.manager_id = b.id where b.depth < 50)
                select distinct ru.username from below b
                join platform.person p on p.id = b.id
                join platform.app_user ru on lower(ru.email) = lower(p.email)
                where b.depth > 0""", inline(username)).fetch(0, String.class));
    }
}
