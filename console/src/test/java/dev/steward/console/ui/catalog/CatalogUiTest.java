package dev.steward.console.ui.catalog;

import dev.steward.testkit.console.KaribuTest;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.catalog.CatalogEntry;
import dev.steward.platform.catalog.CatalogKind;
import dev.steward.platform.catalog.PrivacyCatalog;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogUiTest extends KaribuTest {

    @Autowired
    PrivacyCatalog catalog;

    @Test
    @SuppressWarnings("unchecked")
    void a_privacy_officer_adds_a_purpose_and_an_auditor_only_reads() {
        loginAs("olga", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(CatalogView.class);
        CatalogView view = _get(CatalogView.class);
        view.tabs.setSelectedTab(_get(Tab.class, spec -> spec.withPredicate(t -> "Purposes".equals(t.getLabel()))));
        _click(view.add);
        setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "churn");
        setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Churn prediction");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(catalog.find(CatalogKind.PURPOSE, "churn")).map(CatalogEntry::name).hasValue("Churn prediction");
        Grid<CatalogEntry> grid = view.grid;
        assertThat(GridKt._findAll(grid)).extracting(CatalogEntry::code).contains("churn", "marketing");

        logout();
        loginAs("aud", Role.AUDITOR);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate(CatalogView.class);
        assertThat(_get(CatalogView.class).add.isVisible()).isFalse();
    }
}
