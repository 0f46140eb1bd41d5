package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.inventory.PersonalDataMap;
import dev.steward.platform.spi.PersonalDataHolders.SubjectKeys;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.steward.platform.db.generated.Tables.PERSON;

/**
 * Matches emails, names and employee ids against the accounts the organisation's systems hold (the platform's
 * personal-data map: the access reviews' imported accounts). An account that names an employee id of the people
 * directory counts for that person, so that its points add up with the directory's.
 */
@Component
class AccountsMatcher implements PointMatcher {

    private static final int AT_MOST = 5;

    private final PersonalDataMap dataMap;
    private final DSLContext dsl;

    AccountsMatcher(PersonalDataMap dataMap, DSLContext dsl) {
        this.dataMap = dataMap;
        this.dsl = dsl;
    }

    @Override
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    public List<Match> match(PointKind kind, String value) {
        String given = value.strip().replaceAll("\\s+", " ");
        SubjectKeys keys = switch (kind) {
            case EMAIL -> new SubjectKeys(given, null, null);
            case NAME -> new SubjectKeys(null, null, given);
            case EMPLOYEE_ID, CUSTOMER_ID -> new SubjectKeys(null, given, null);
            default -> null;
        };
        if (keys == null) {
            return List.of();
        }
        return dataMap.recordsAbout(keys).stream().limit(AT_MOST)
                .map(r -> new Match(PointSource.ACCOUNTS, "Account " + r.recordName() + " in " + r.holderName(), personOf(r)))
                .toList();
    }

    private Long personOf(SubjectRecord account) {
        String employeeId = account.dataPoints().get(SubjectRecord.EMPLOYEE_ID);
        return employeeId == null ? null : dsl.select(PERSON.ID).from(PERSON).where(PERSON.EMPLOYEE_ID.eq(employeeId)).fetchOne(PERSON.ID);
    }
}
