package dev.steward.vendors.ui;

import dev.steward.testkit.console.ConsoleTestApplication;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.registry.SavedFilter;
import dev.steward.vendors.registry.SavedFilters;
import dev.steward.vendors.registry.VendorFilter;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import dev.steward.vendors.registry.VendorRow;
import dev.steward.vendors.registry.VendorStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each user's named filters of the vendor grid: saved, applied, replaced by name, deleted; nobody else's. */
@SpringBootTest(classes = ConsoleTestApplication.class)
class SavedFiltersUiTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private SavedFilters filters() {
        return registry.contextOf("vendors").orElseThrow().getBean(SavedFilters.class);
    }

    @Test
    void a_saved_filter_is_applied_again_from_the_grid() {
        loginAs("olivia-" + suffix, Role.PRIVACY_OFFICER);
        registry.contextOf("vendors").orElseThrow().getBean(VendorRegistry.class).save(VendorForm.named("Filtered " + suffix));
        UI.getCurrent().navigate(VendorsView.class);
        VendorGrid grid = _get(VendorsView.class).vendors;
        setValue(grid.text, "Filtered " + suffix);
        setValue(grid.missingDpa, false);
        _click(_get(grid, Button.class, spec -> spec.withText("Save filter")));
        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Mine " + suffix);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        SavedFilterBar bar = _get(grid, SavedFilterBar.class);
        assertThat(bar.saved.getValue().name()).isEqualTo("Mine " + suffix);
        setValue(grid.text, "");
        assertThat(bar.saved.getValue()).as("the grid no longer shows the saved filter").isNull();
        setValue(bar.saved, bar.saved.getListDataView().getItems().filter(f -> f.name().equals("Mine " + suffix)).findFirst().orElseThrow());
        assertThat(grid.text.getValue()).isEqualTo("Filtered " + suffix);
        assertThat(GridKt._findAll(grid.grid)).extracting(VendorRow::legalName).containsExactly("Filtered " + suffix);

        setValue(grid.transferGap, true); // a filter without a name text: still shown as saved once applied
        _click(_get(grid, Button.class, spec -> spec.withText("Save filter")));
        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        assertThat(name.getValue()).isEmpty();
        setValue(name, "Gaps " + suffix);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(bar.saved.getValue().name()).isEqualTo("Gaps " + suffix);
        setValue(bar.saved, bar.saved.getListDataView().getItems().filter(f -> f.name().equals("Mine " + suffix)).findFirst().orElseThrow());
        assertThat(grid.transferGap.getValue()).isFalse();

        _click(bar.delete);
        assertThat(filters().mine()).extracting(SavedFilter::name).doesNotContain("Mine " + suffix);
    }

    @Test
    void filters_are_each_users_own_and_a_name_is_required_and_unique_per_user() {
        loginAs("ann-" + suffix, Role.PRIVACY_OFFICER);
        VendorFilter tierOneGaps = new VendorFilter(null, 1, VendorStatus.ACTIVE, null, "US", 60, true, true, false);
        SavedFilter first = filters().save("Tier 1 gaps", tierOneGaps);
        assertThat(filters().mine()).extracting(SavedFilter::filter).containsExactly(tierOneGaps);
        filters().save(" Tier 1 gaps ", VendorFilter.none()); // same name: replaced
        assertThat(filters().mine()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(first.id());
            assertThat(f.filter()).isEqualTo(VendorFilter.none());
        });
        assertThatThrownBy(() -> filters().save(" ", VendorFilter.none())).isInstanceOf(InvalidInputException.class)
                .hasMessage("Name the filter");
        assertThatThrownBy(() -> filters().save("x".repeat(101), VendorFilter.none())).hasMessage("At most 100 characters");

        loginAs("ben-" + suffix, Role.AUDITOR);
        assertThat(filters().mine()).isEmpty();
        assertThatThrownBy(() -> filters().delete(first.id())).isInstanceOf(AccessDeniedException.class);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication( // no vendor permission at all
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("mo-" + suffix, null, java.util.List.of()));
        assertThatThrownBy(() -> filters().mine()).isInstanceOf(AccessDeniedException.class);
    }
}
