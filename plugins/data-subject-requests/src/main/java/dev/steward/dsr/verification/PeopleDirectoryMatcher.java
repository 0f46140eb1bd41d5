package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.platform.db.generated.Tables.PERSON;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.regexpReplaceAll;
import static org.jooq.impl.DSL.trim;

/** Matches emails, names and employee ids against the people directory (read in SQL, as the access reviews do). */
@Component
class PeopleDirectoryMatcher implements PointMatcher {

    private static final int AT_MOST = 5;

    private final DSLContext dsl;

    PeopleDirectoryMatcher(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public List<Match> match(PointKind kind, String value) {
        String given = value.strip().replaceAll("\\s+", " ");
        Condition condition = switch (kind) {
            case EMAIL -> lower(PERSON.EMAIL).eq(given.toLowerCase(java.util.Locale.ROOT));
            case NAME -> lower(regexpReplaceAll(trim(PERSON.FULL_NAME), "\\s+", " ")).eq(given.toLowerCase(java.util.Locale.ROOT));
            case EMPLOYEE_ID, CUSTOMER_ID -> PERSON.EMPLOYEE_ID.eq(given);
            default -> null;
        };
        if (condition == null) {
            return List.of();
        }
        return dsl.select(PERSON.ID, PERSON.EMPLOYEE_ID, PERSON.FULL_NAME).from(PERSON).where(condition)
                .orderBy(PERSON.ID).limit(AT_MOST)
                .fetch(r -> new Match(PointSource.PEOPLE_DIRECTORY, "Person " + r.value2() + " (" + r.value3() + ")", r.value1()));
    }
}
