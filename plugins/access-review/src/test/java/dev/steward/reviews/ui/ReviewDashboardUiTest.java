package dev.steward.reviews.ui;

import dev.steward.platform.security.Role;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign burn-down on the dashboard: its series, its link to the campaigns, and who sees it. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class ReviewDashboardUiTest extends KaribuTest {

    private static final String BURN_DOWN = "Access-review campaigns: burn-down";

    @Test
    void a_reader_sees_the_burn_down_of_pending_items_and_decisions_by_people_and_rules_and_it_leads_to_the_campaigns() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();

        ChartCard card = Dashboard.chart(BURN_DOWN).orElseThrow();
        ChartOptions options = card.chart().options();
        assertThat(options.categories()).hasSize(ReviewChartWidgets.DAYS);
        assertThat(options.series()).extracting(ChartOptions.Series::name, ChartOptions.Series::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReviewChartWidgets.BY_PEOPLE, "bar"),
                        org.assertj.core.groups.Tuple.tuple(ReviewChartWidgets.BY_RULE, "bar"),
                        org.assertj.core.groups.Tuple.tuple(ReviewChartWidgets.PENDING, "line"));
        assertThat(card.list().getHref()).isEqualTo("reviews/campaigns");

        card.chart().clicked(options.categories().getLast());
        assertThat(Dashboard.location()).isEqualTo("reviews/campaigns");
    }

    @Test
    void a_reviewer_without_the_read_permission_gets_no_burn_down() {
        loginAs("max", Role.MANAGER);
        Dashboard.open();
        assertThat(Dashboard.titles()).contains("My pending access reviews").doesNotContain(BURN_DOWN);
    }
}
