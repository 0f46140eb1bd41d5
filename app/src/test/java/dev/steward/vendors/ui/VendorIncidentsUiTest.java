package dev.steward.vendors.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.incidents.IncidentSource;
import dev.steward.incidents.IncidentType;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.links.LinkedRecord;
import dev.steward.platform.links.ui.LinkedRecordsPanel;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A vendor's breach opens a pre-filled incident linked to the vendor, and the vendor's page lists its incidents. */
@SpringBootTest(classes = dev.steward.console.StewardApplication.class)
class VendorIncidentsUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;
    @Autowired
    EntityLinks links;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    @SuppressWarnings("unchecked")
    void a_vendor_breach_opens_a_prefilled_incident_that_the_vendors_page_then_lists() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        Vendor vendor = registry.contextOf("vendors").orElseThrow().getBean(VendorRegistry.class).save(VendorForm.named("Mailer " + suffix));
        EntityRef vendorRef = new EntityRef("vendors.vendor", String.valueOf(vendor.id()));

        UI.getCurrent().navigate("vendors/" + vendor.id());
        LinkedRecordsPanel panel = incidentsTab();
        assertThat(GridKt._size(_get(panel, Grid.class))).isZero();
        _click(_get(panel, Button.class, spec -> spec.withText("New incident")));

        TextField title = _get(TextField.class, spec -> spec.withLabel("Title"));
        assertThat(title.getValue()).isEqualTo("Breach at Mailer " + suffix);
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("Type")).getValue()).isEqualTo(IncidentType.VENDOR_BREACH);
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("Reported via")).getValue()).isEqualTo(IncidentSource.VENDOR);
        _click(_find(Button.class, spec -> spec.withText("Log incident")).stream().filter(b -> b.getIcon() == null) // the form's, not the list's
                .findFirst().orElseThrow());

        assertThat(links.linksOf(vendorRef).visible()).extracting(LinkedRecord::typeLabel).containsExactly("Incident");
        UI.getCurrent().navigate("vendors/" + vendor.id());
        Grid<LinkedRecord> grid = _get(incidentsTab(), Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(l -> l.target().title()).singleElement().asString()
                .endsWith("Breach at Mailer " + suffix);

        // a reader of the registry who may not see incidents: the tab says one is there, not what it is
        loginWith("vera", "vendors.read");
        UI.getCurrent().navigate("vendors/" + vendor.id());
        LinkedRecordsPanel readerPanel = incidentsTab();
        assertThat(GridKt._size(_get(readerPanel, Grid.class))).isZero();
        assertThat(_find(readerPanel, Button.class, spec -> spec.withText("New incident"))).isEmpty();
        assertThat(_find(readerPanel, com.vaadin.flow.component.html.Paragraph.class)).extracting(p -> p.getText())
                .contains("1 more linked record you may not see");
    }

    private LinkedRecordsPanel incidentsTab() {
        VendorPage page = _get(VendorView.class).page;
        for (int i = 0; i < page.tabs.getTabCount(); i++) {
            if (page.tabs.getTabAt(i).getLabel().equals("Incidents and links")) {
                page.tabs.setSelectedIndex(i);
                return (LinkedRecordsPanel) page.tabs.getComponent(page.tabs.getTabAt(i));
            }
        }
        throw new AssertionError("no Incidents and links tab");
    }

    private void loginWith(String username, String... permissions) {
        var authorities = java.util.Arrays.stream(permissions).map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList();
        var authentication = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
    }
}
