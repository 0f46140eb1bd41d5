package dev.steward.vendors.ui;

import com.vaadin.flow.component.Component;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.ui.Chart;
import dev.steward.platform.ui.ChartCard;
import dev.steward.platform.ui.ChartOptions;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.integration.VendorCharts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Vendor charts: by risk tier and data sensitivity, and what expires in the next twelve months. */
@Configuration
class VendorChartWidgets {

    static final int MONTHS = 12;
    static final String CONTRACTS = "Contracts";
    static final String CERTIFICATES = "Certificates";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    static String tierLabel(int tier) {
        return tier == 0 ? "Not assessed" : "Tier " + tier;
    }

    static String sensitivityLabel(int level) {
        return switch (level) {
            case 4 -> "Very high";
            case 3 -> "High";
            case 2 -> "Moderate";
            case 1 -> "Low";
            default -> "No personal data";
        };
    }

    /** The vendors list filtered to a tier ("Tier 2"), or the whole list. */
    static String tierList(String category) {
        return category.matches("Tier [1-4]") ? "vendors?tier=" + category.substring(5) : "vendors";
    }

    /** The vendors list filtered to what expires within 30, 60 or 90 days, the shortest that covers the month. */
    static String expiringList(int monthIndex) {
        long days = ChronoUnit.DAYS.between(LocalDate.now(), YearMonth.now().plusMonths(monthIndex).atEndOfMonth());
        return days <= 30 ? "vendors?expiring=30" : days <= 60 ? "vendors?expiring=60" : days <= 90 ? "vendors?expiring=90" : "vendors";
    }

    @Bean
    DashboardWidget vendorsByTierAndSensitivity(VendorCharts charts) {
        return widget("Vendors by risk tier and data sensitivity", 45, () -> {
            var counts = charts.byTierAndSensitivity();
            ChartOptions options = ChartOptions.over(VendorCharts.TIERS.stream().map(VendorChartWidgets::tierLabel).toList());
            for (int level : VendorCharts.SENSITIVITIES) {
                options.stackedBars("vendors", sensitivityLabel(level), VendorCharts.TIERS.stream().map(t -> counts.count(t, level)).toList());
            }
            options.colors(List.of("#d7263d", "#f46036", "#f5b700", "#3fa34d", "#9aa5b1"));
            return new ChartCard(new Chart(options).linkingTo(VendorChartWidgets::tierList), "Show all vendors", "vendors")
                    .saying("Bars: vendors per risk tier, coloured by the most sensitive personal data they process. " + tierTotals(counts));
        });
    }

    /** "Tier 1: 3 · Tier 2: 0 · … · Not assessed: 2": the figures of the former text card, readable without pointing at a bar. */
    static String tierTotals(VendorCharts.TierBySensitivity counts) {
        return VendorCharts.TIERS.stream().map(t -> tierLabel(t) + ": "
                        + VendorCharts.SENSITIVITIES.stream().mapToInt(level -> counts.count(t, level)).sum())
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    @Bean
    DashboardWidget expiriesPerMonth(VendorCharts charts) {
        return widget("Contracts and certificates expiring, next 12 months", 46, () -> {
            var expiries = charts.expiriesPerMonth(MONTHS);
            List<String> months = expiries.months().stream().map(MONTH::format).toList();
            ChartOptions options = ChartOptions.over(months)
                    .stackedBars("expiring", CONTRACTS, Arrays.stream(expiries.contracts()).boxed().toList())
                    .stackedBars("expiring", CERTIFICATES, Arrays.stream(expiries.certificates()).boxed().toList());
            return new ChartCard(new Chart(options).linkingTo(month -> expiringList(Math.max(0, months.indexOf(month)))),
                    "Show what expires within 90 days", "vendors?expiring=90");
        });
    }

    private static DashboardWidget widget(String title, int order, Supplier<Component> content) {
        return DashboardWidget.of(title, VendorPermissions.READ, order, content);
    }
}
