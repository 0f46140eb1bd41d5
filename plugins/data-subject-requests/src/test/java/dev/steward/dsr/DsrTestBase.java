package dev.steward.dsr;

import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.PluginServiceTestBase;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Service tests of the bundled data-subject-requests plugin in the real console context on a fresh PostgreSQL database. */
public abstract class DsrTestBase extends PluginServiceTestBase {

    @Override
    protected String pluginId() {
        return DsrPermissions.PLUGIN_ID;
    }

    @Autowired
    protected DSLContext dsl;

    /** Makes names and emails of this test's requests unique in the database the test JVM shares. */
    protected final String suffix = UUID.randomUUID().toString().substring(0, 8);

    protected void loginAsOfficer() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    /** The requester "Rosa Diaz" with this test's own email address. */
    protected Requester requester() {
        return Requester.named("Rosa Diaz " + suffix, "rosa." + suffix + "@example.org");
    }

    protected RequestForm form(String jurisdiction, RequestType first, RequestType... more) {
        return RequestForm.byEmail(requester(), jurisdiction, EnumSet.of(first, more));
    }

    /** A request logged by the privacy officer (who stays signed in). */
    protected RightsRequest open(String jurisdiction, RequestType first, RequestType... more) {
        loginAsOfficer();
        return bean(RightsRequests.class).open(form(jurisdiction, first, more));
    }

    /**
     * Takes a response to the request as prepared and sent (a request is closed as complied with only then); the
     * response itself is fulfilment's, tested there.
     */
    protected void responded(long requestId) {
        dsl.insertInto(dev.steward.dsr.db.Tables.RESPONSE)
                .set(dev.steward.dsr.db.Tables.RESPONSE.REQUEST_ID, requestId)
                .set(dev.steward.dsr.db.Tables.RESPONSE.LETTER_FILE_ID, 0L)
                .set(dev.steward.dsr.db.Tables.RESPONSE.PREPARED_BY, "olivia")
                .set(dev.steward.dsr.db.Tables.RESPONSE.SENT_VIA, "EMAIL")
                .set(dev.steward.dsr.db.Tables.RESPONSE.SENT_AT, java.time.Instant.now())
                .set(dev.steward.dsr.db.Tables.RESPONSE.SENT_BY, "olivia")
                .execute();
    }

    protected static Set<RequestType> types(RequestType first, RequestType... more) {
        return EnumSet.of(first, more);
    }
}
