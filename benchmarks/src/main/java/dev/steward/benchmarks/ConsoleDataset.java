package dev.steward.benchmarks;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignForm;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A realistic small dataset in a console's database, made with the benchmark generators: {@code managers} managers
 * (mgr1, mgr11, mgr21, ...: every tenth of 10 x managers people, MANAGER role) with an active access-review campaign
 * giving each about 45 items (9 reports x 5 entitlements, imported and launched through the plugin's real services),
 * 2,000 incidents, 1,000 vendors, {@code officers} privacy officers (po1..), and 30 notifications (10 unread) for
 * every user so the bell has a list. Every seeded user's password is {@link #PASSWORD}.
 */
final class ConsoleDataset {

    static final String PASSWORD = "x";
    static final int ENTITLEMENTS_PER_PERSON = 5;

    private ConsoleDataset() {
    }

    /** The user name of the i-th manager (1-based). */
    static String manager(int i) {
        return "mgr" + ((i - 1) * 10 + 1);
    }

    static void seed(ConsoleProcess console, int managers, int officers) {
        long t0 = System.nanoTime();
        int people = Math.max(100, managers * 10);
        try (BenchmarkPlatform platform = new BenchmarkPlatform(console.database, false)) {
            DSLContext dsl = platform.context.getBean(DSLContext.class);
            ReviewGenerator.peopleAndSystems(dsl, people, 20);
            dsl.execute("insert into platform.user_role (user_id, role) select id, 'MANAGER' from platform.app_user where username like 'mgr%'");
            IncidentGenerator.generate(dsl, 2_000);
            VendorGenerator.generate(dsl, 1_000);

            platform.actAs("reviews.admin", "reviews.read", "platform.catalog.read");
            var plugin = platform.context.getBean(ExtensionRegistry.class).contextOf("reviews").orElseThrow();
            AccessImport imports = plugin.getBean(AccessImport.class);
            long systemId = ((Number) dsl.fetchValue("select id from reviews.system order by id limit 1")).longValue();
            byte[] file = ReviewGenerator.csv(people, ENTITLEMENTS_PER_PERSON);
            imports.commit(systemId, file, "people.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
            CampaignService campaigns = plugin.getBean(CampaignService.class);
            Campaign draft = campaigns.create(CampaignForm.oneStage("Quarterly access review", null, List.of(systemId), null, false, false,
                    List.of(), CampaignForm.ReviewerRule.MANAGER, null, "fallback", CampaignForm.NoResponse.RECOMMENDATION,
                    Instant.now(), Instant.now().plus(Duration.ofDays(14))));
            Campaign launched = campaigns.launch(draft.id(), draft.version());
            System.out.printf("Seeded %,d people, %,d managers, %,d review items, 2,000 incidents, 1,000 vendors in %.1f s%n",
                    people, managers, launched.items(), (System.nanoTime() - t0) / 1e9);
        }
        console.createUsers("po", officers, "PRIVACY_OFFICER", PASSWORD);
        console.execute("""
                insert into platform.notification (recipient, module, kind, title, body, link, created_at, read_at)
                select u.username, 'reviews', 'bench', 'Reminder ' || g || ': access review items are waiting for you',
                       'Please decide before the campaign ends.', 'reviews/my', now() - g * interval '1 hour',
                       case when g > 10 then now() end
                from platform.app_user u cross join generate_series(1, 30) g""", "analyze");
    }
}
