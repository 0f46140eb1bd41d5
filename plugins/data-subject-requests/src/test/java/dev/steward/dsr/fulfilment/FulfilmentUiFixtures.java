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

    public static void clear() {
        TestHolders.clear();
    }
}
