package dev.steward.dsr.fulfilment;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The console user of a person in the people directory (matched by email, as the platform's team directory does). */
@Component
class TaskAssignees {

    private static final String USER_OF_PERSON = """
            select u.username from platform.person p join platform.app_user u on lower(u.email) = lower(p.email) and u.active
            where p.id = ? order by u.id limit 1""";

    private final DSLContext dsl;

    TaskAssignees(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<String> of(Long personId) {
        return personId == null ? Optional.empty() : dsl.fetchOptional(USER_OF_PERSON, personId).map(r -> r.get(0, String.class));
    }
}
