package dev.steward.reviews.ui;

import com.vaadin.flow.component.Component;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.Chart;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.integration.ReviewCharts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The campaign burn-down: what is still pending in the active campaigns, and who decided the rest. */
@Configuration
class ReviewChartWidgets {

    static final int DAYS = 30;
    static final String PENDING = "Pending";
    static final String BY_PEOPLE = "Decided by reviewers";
    static final String BY_RULE = "Decided by rules";
    static final String CAMPAIGNS = "reviews/campaigns";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    @Bean
    DashboardWidget campaignBurnDown(ReviewCharts charts) {
        return new DashboardWidget() {
            public String title() {
                return "Access-review campaigns: burn-down";
            }

            public String requiredPermission() {
                return ReviewPermissions.READ;
            }

            public int order() {
                return 24;
            }

            public Component create() {
                var days = charts.burnDown(DAYS, DisplayTime.zone());
                ChartOptions options = ChartOptions.over(days.stream().map(d -> DAY.format(d.day())).toList())
                        .stackedBars("decided", BY_PEOPLE, days.stream().map(ReviewCharts.Day::byPeople).toList())
                        .stackedBars("decided", BY_RULE, days.stream().map(ReviewCharts.Day::byRule).toList())
                        .line(PENDING, days.stream().map(ReviewCharts.Day::pending).toList());
                int pending = days.isEmpty() ? 0 : days.getLast().pending();
                return new ChartCard(new Chart(options).linkingTo(day -> CAMPAIGNS), "Show the campaigns", CAMPAIGNS)
                        .saying(pending == 0 ? "Nothing pending in the active campaigns" : pending + " item(s) pending in the active campaigns");
            }
        };
    }
}
