package dev.steward.platform.spi;

import dev.steward.platform.people.EmploymentStatus;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The sample company a module's {@link SampleData} builds on: its people (in the directory, by employee id), the
 * sample users by persona, and the moment of loading, from which every date is taken so that clocks are live.
 */
public record SampleContext(Instant now, String company, List<SamplePerson> people, String privacyOfficer,
                            String securityAnalyst, List<String> managers, String auditor) {

    /** A person of the sample company's directory; {@code username} is their console user, or null. */
    public record SamplePerson(long id, String employeeId, String fullName, String email, String orgUnitCode,
                               String title, Long managerId, EmploymentStatus status, String username) {
    }

    public SamplePerson person(String employeeId) {
        return people.stream().filter(p -> p.employeeId().equals(employeeId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No sample person " + employeeId));
    }

    /** The person behind a sample user. */
    public SamplePerson personOf(String username) {
        return people.stream().filter(p -> username.equals(p.username())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No sample person for user " + username));
    }

    /** The people of an org unit, by employee id. */
    public List<SamplePerson> inUnit(String orgUnitCode) {
        return people.stream().filter(p -> orgUnitCode.equals(p.orgUnitCode())).toList();
    }
}
