package dev.steward.dsr.fulfilment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Holders for the UI tests, which live in another package. */
public final class FulfilmentUiFixtures {

    private FulfilmentUiFixtures() {
    }

    public static void systemAndProcessor(String suffix) {
        TestHolders.use(List.of(
                new Holder("reviews.system", "crm-" + suffix, "CRM " + suffix, HolderKind.OWN_SYSTEM, Set.of("contact"), null, null, null),
                new Holder("vendors.vendor", "mailer-" + suffix, "Mailer " + suffix, HolderKind.PROCESSOR, Set.of("contact"), null,
                        "privacy@mailer.example", null)), Map.of());
    }

    /** Takes the request as verified (verification is another part's, tested there). */
    public static void verified(org.jooq.DSLContext dsl, long requestId) {
        dsl.update(dev.steward.dsr.db.Tables.REQUEST).set(dev.steward.dsr.db.Tables.REQUEST.STATUS, dev.steward.dsr.requests.RequestStatus.IN_PROGRESS)
                .where(dev.steward.dsr.db.Tables.REQUEST.ID.eq(requestId)).execute();
    }

    public static void clear() {
        TestHolders.clear();
    }
}
