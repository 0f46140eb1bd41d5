package dev.steward.dsr.fulfilment;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.steward.dsr.db.Tables.REQUEST;

/** Fulfilment tests: a personal-data map of the test's own holders, and owners who are console users. */
abstract class FulfilmentTestBase extends DsrTestBase {

    @Autowired
    PeopleDirectory people;
    @Autowired
    UserAccountService users;

    @AfterEach
    void forgetHolders() {
        TestHolders.clear();
    }

    Holder system(String name, Long owner, String... categories) {
        return new Holder("reviews.system", name + "-" + suffix, name + " " + suffix, HolderKind.OWN_SYSTEM, Set.of(categories), owner, null, null);
    }

    Holder processor(String name, Long owner, String... categories) {
        return new Holder("vendors.vendor", name + "-" + suffix, name + " " + suffix, HolderKind.PROCESSOR, Set.of(categories), owner,
                "privacy@" + name.toLowerCase() + ".example", null);
    }

    Holder subProcessor(String name, Holder via, String... categories) {
        return new Holder("vendors.vendor", name + "-" + suffix, name + " " + suffix, HolderKind.SUB_PROCESSOR, Set.of(categories), null,
                "dpo@" + name.toLowerCase() + ".example", via.id());
    }

    void holders(Holder... holders) {
        TestHolders.use(List.of(holders), Map.of());
    }

    void holders(List<Holder> holders, Map<String, List<dev.steward.platform.spi.PersonalDataHolders.SubjectRecord>> records) {
        TestHolders.use(holders, records);
    }

    /** A person in the directory and a console user with the same email (how owners become assignees); the user name is returned. */
    String ownerWithUser(String name, long[] personId) {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        String email = name + "-" + suffix + "@example.org";
        personId[0] = people.save(new PersonForm(null, 0, name.toUpperCase() + "-" + suffix, name + " " + suffix, email, null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        String username = name + "-" + suffix;
        users.create(username, name, email, EnumSet.of(Role.MANAGER));
        return username;
    }

    /** A request logged by the officer and taken as verified (verification is another part's, tested there). */
    RightsRequest verified(String jurisdiction, RequestType first, RequestType... more) {
        RightsRequest request = open(jurisdiction, first, more);
        dsl.update(REQUEST).set(REQUEST.STATUS, RequestStatus.IN_PROGRESS).set(REQUEST.VERSION, REQUEST.VERSION.plus(1))
                .where(REQUEST.ID.eq(request.id())).execute();
        return bean(RightsRequests.class).find(request.id()).orElseThrow();
    }

    List<Task> mine(List<Task> tasks) {
        return tasks.stream().filter(t -> t.holderName().endsWith(suffix)).toList();
    }
}
