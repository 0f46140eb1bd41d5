package dev.steward.vendors.ui;

import dev.steward.platform.security.Role;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The vendor charts on the dashboard: their series, clicks that open the filtered vendor list, and who sees them. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class VendorDashboardUiTest extends KaribuTest {

    private static final String BY_TIER = "Vendors by risk tier and data sensitivity";
    private static final String EXPIRING = "Contracts and certificates expiring, next 12 months";

    @Test
    void the_tier_chart_stacks_sensitivities_per_tier_and_a_tier_opens_the_vendors_of_that_tier() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();

        ChartCard card = Dashboard.chart(BY_TIER).orElseThrow();
        ChartOptions options = card.chart().options();
        assertThat(options.categories()).containsExactly("Tier 1", "Tier 2", "Tier 3", "Tier 4", "Not assessed");
        assertThat(options.series()).extracting(ChartOptions.Series::name).containsExactly("Very high", "High", "Moderate", "Low",
                "No personal data");
        assertThat(card.list().getHref()).isEqualTo("vendors");
        assertThat(card.getChildren().filter(com.vaadin.flow.component.html.Span.class::isInstance).findFirst().orElseThrow()
                .getElement().getText()).matches("Bars: vendors per risk tier, coloured by the most sensitive personal data they process\\."
                + " Tier 1: \\d+ · Tier 2: \\d+ · Tier 3: \\d+ · Tier 4: \\d+ · Not assessed: \\d+");

        card.chart().clicked("Tier 2");
        assertThat(Dashboard.location()).isEqualTo("vendors?tier=2");
    }

    @Test
    void the_tier_totals_live_in_the_chart_card_only_not_in_a_second_text_card() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();
        assertThat(Dashboard.titles()).contains(BY_TIER).doesNotContain("Vendors by risk tier");
    }

    @Test
    void the_expiry_chart_counts_contracts_and_certificates_per_month_and_this_month_opens_what_expires_within_30_days() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        Dashboard.open();

        ChartCard card = Dashboard.chart(EXPIRING).orElseThrow();
        ChartOptions options = card.chart().options();
        assertThat(options.categories()).hasSize(VendorChartWidgets.MONTHS);
        assertThat(options.series()).extracting(ChartOptions.Series::name).containsExactly(VendorChartWidgets.CONTRACTS, VendorChartWidgets.CERTIFICATES);
        assertThat(card.list().getHref()).isEqualTo("vendors?expiring=90");

        card.chart().clicked(options.categories().getFirst());
        assertThat(Dashboard.location()).isEqualTo("vendors?expiring=30");
    }

    @Test
    void a_business_owner_without_the_registry_permission_gets_no_vendor_chart() {
        loginAs("max", Role.MANAGER);
        Dashboard.open();
        assertThat(Dashboard.titles()).doesNotContain(BY_TIER, EXPIRING);
    }
}
