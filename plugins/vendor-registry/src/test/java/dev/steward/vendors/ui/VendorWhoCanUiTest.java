package dev.steward.vendors.ui;

import com.vaadin.flow.component.UI;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ConsoleTestApplication;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A vendor's page for someone who may read it but not change it: no Edit, and it says who can. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class VendorWhoCanUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    @Test
    void an_analyst_who_does_not_own_the_vendor_sees_no_edit_and_is_told_who_can_change_it() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        var vendor = registry.contextOf("vendors").orElseThrow().getBean(VendorRegistry.class)
                .save(VendorForm.named("Payroll Partners " + UUID.randomUUID().toString().substring(0, 6)));
        loginAs("sam", Role.SECURITY_ANALYST); // reads every vendor, changes only those they own
        UI.getCurrent().navigate("vendors/" + vendor.id());
        VendorPage page = _get(VendorView.class).page;

        assertThat(page.edit.isVisible()).isFalse();
        assertThat(page.whoEdits.isVisible()).isTrue();
        assertThat(page.whoEdits.getText()).isEqualTo("Only a privacy officer or the vendor's business owner can change this vendor");
    }

    @Test
    void a_privacy_officer_sees_edit_and_no_note() {
        loginAs("priya", Role.PRIVACY_OFFICER);
        var vendor = registry.contextOf("vendors").orElseThrow().getBean(VendorRegistry.class)
                .save(VendorForm.named("Shred Co " + UUID.randomUUID().toString().substring(0, 6)));
        UI.getCurrent().navigate("vendors/" + vendor.id());
        VendorPage page = _get(VendorView.class).page;
        assertThat(page.edit.isVisible()).isTrue();
        assertThat(page.whoEdits.isVisible()).isFalse();
    }
}
