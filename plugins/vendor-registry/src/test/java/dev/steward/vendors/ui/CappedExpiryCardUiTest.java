package dev.steward.vendors.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.Dashboard;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.contracts.ContractForm;
import dev.steward.vendors.contracts.ContractStatus;
import dev.steward.vendors.contracts.ContractType;
import dev.steward.vendors.contracts.Contracts;
import dev.steward.vendors.integration.VendorStats;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The capped expiry card says "6 of M" and its link opens the vendors that hold all of them. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class CappedExpiryCardUiTest extends KaribuTest {

    private static final String TITLE = "Vendor contracts and certificates expiring in 60 days";

    @Autowired
    ExtensionRegistry registry;

    private <T> T bean(Class<T> type) {
        return registry.contextOf(VendorPermissions.PLUGIN_ID).orElseThrow().getBean(type);
    }

    @Test
    void the_expiry_card_shows_six_of_all_expiries_and_its_link_lists_every_vendor_with_one() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<Long> expiring = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Vendor v = bean(VendorRegistry.class).save(VendorForm.named("Expiring " + i + " " + suffix));
            bean(Contracts.class).save(new ContractForm(null, 0, v.id(), ContractType.MSA, "MSA", ContractStatus.SIGNED,
                    LocalDate.now().minusYears(1), LocalDate.now().minusYears(1), LocalDate.now().plusDays(20 + i), false, null, 30));
            expiring.add(v.id());
        }
        int total = bean(VendorStats.class).expiringCount(VendorWidgets.EXPIRY_DAYS);
        assertThat(total).isGreaterThanOrEqualTo(8);

        Dashboard.open();
        Component card = Dashboard.card(TITLE).orElseThrow();
        assertThat(descendants(card).filter(Span.class::isInstance).map(c -> ((Span) c).getText()))
                .contains(VendorWidgets.EXPIRIES_SHOWN + " of " + total + " contracts and certificates");
        Anchor showAll = descendants(card).filter(Anchor.class::isInstance).map(Anchor.class::cast)
                .filter(a -> a.getText().startsWith("Show all")).findFirst().orElseThrow();
        assertThat(showAll.getHref()).isEqualTo("vendors?expiring=60");

        UI.getCurrent().navigate("vendors", QueryParameters.fromString("expiring=60"));
        VendorsView view = _get(VendorsView.class);
        assertThat(view.vendors.expiring.getValue()).isEqualTo(60);
        int rows = GridKt._size(view.vendors.grid);
        assertThat(showAll.getText()).isEqualTo("Show all (" + rows + " vendors)");
        List<VendorRow> shown = GridKt._findAll(view.vendors.grid);
        assertThat(shown.stream().map(VendorRow::id)).containsAll(expiring);
    }

    @Test
    void an_unknown_expiry_window_is_ignored() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("vendors", QueryParameters.fromString("expiring=45"));
        assertThat(_get(VendorsView.class).vendors.expiring.getValue()).isNull();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(CappedExpiryCardUiTest::descendants));
    }
}
