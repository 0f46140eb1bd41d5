package dev.steward.vendors.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.integration.VendorStats;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Supplier;

/** Dashboard cards: expiring soon, overdue reviews, transfer gaps, special-category data (vendors by tier: {@link VendorChartWidgets}). */
@Configuration
class VendorWidgets {

    static final int EXPIRY_DAYS = 60;
    static final int EXPIRIES_SHOWN = 6;
    static final String EXPIRING_LIST = "vendors?expiring=" + EXPIRY_DAYS;

    @Bean
    DashboardWidget vendorExpiries(VendorStats stats, VendorList list) {
        return widget("Vendor contracts and certificates expiring in 60 days", 41, () -> {
            VerticalLayout card = compact();
            var expiring = stats.expiringWithin(EXPIRY_DAYS, EXPIRIES_SHOWN);
            if (expiring.isEmpty()) {
                card.add(new Span("Nothing expires in the next 60 days"));
            }
            expiring.forEach(e -> card.add(new Anchor("vendors/" + e.vendorId(), e.vendorName() + ": " + e.what() + " on " + e.on())));
            int total = stats.expiringCount(EXPIRY_DAYS);
            if (expiring.size() < total) {
                int vendors = list.count(new VendorFilter(null, null, null, null, null, EXPIRY_DAYS, false, false, false));
                card.add(new Span(expiring.size() + " of " + total + " contracts and certificates"));
                card.add(new Anchor(EXPIRING_LIST, "Show all (" + vendors + (vendors == 1 ? " vendor)" : " vendors)")));
            } else {
                card.add(new Anchor(EXPIRING_LIST, "All expiring within 60 days"));
            }
            return card;
        });
    }

    @Bean
    DashboardWidget overdueVendorReviews(VendorStats stats) {
        return widget("Overdue vendor reviews", 42, () -> alert(stats.overdueReviewCount(), "vendors?sort=review",
                "No vendor review is overdue", " vendor review(s) overdue"));
    }

    @Bean
    DashboardWidget transferGaps(VendorStats stats) {
        return widget("Transfers without a mechanism", 43, () -> alert(stats.vendorsWithTransferGaps(), "vendors?gap=transfer",
                "Every transfer outside the EEA/UK has a safeguard", " vendor(s) transfer data without a recorded safeguard"));
    }

    @Bean
    DashboardWidget specialCategoryVendors(VendorStats stats) {
        return widget("Vendors with special-category data", 44, () -> {
            int count = stats.vendorsWithSpecialCategoryData();
            return new Anchor("vendors/matrix", count + " vendor(s) process special-category or children's data");
        });
    }

    private static Component alert(int count, String link, String none, String some) {
        Anchor a = new Anchor(link, count == 0 ? none : count + some);
        if (count > 0) {
            a.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return a;
    }

    private static VerticalLayout compact() {
        VerticalLayout card = new VerticalLayout();
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private static DashboardWidget widget(String title, int order, Supplier<Component> content) {
        return DashboardWidget.of(title, VendorPermissions.READ, order, content);
    }
}
