package dev.steward.console.ui.admin;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.security.ApiToken;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokensUiTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void an_admin_creates_a_token_sees_its_secret_once_and_revokes_it() {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate(ApiTokensView.class);
        ApiTokensView view = _get(ApiTokensView.class);
        _click(view.create);
        ApiTokenDialog dialog = _get(ApiTokenDialog.class);
        setValue(dialog.name, "splunk-ui-test");
        setValue(dialog.plugin, "incidents");
        setValue(dialog.granted, Set.of("incidents.read", "incidents.work"));
        _click(dialog.save);

        assertThat(dialog.secret.getValue()).startsWith("stw_").hasSize(47);
        assertThat(tokens.authenticate(dialog.secret.getValue())).map(ApiToken::principal).hasValue("api:splunk-ui-test");
        int row = GridKt._findAll(view.grid).stream().map(ApiToken::name).toList().indexOf("splunk-ui-test");
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(view.grid, row, "revoke"));
        assertThat(tokens.authenticate(dialog.secret.getValue())).isEmpty();
    }

    @Test
    void a_token_cannot_hold_permissions_of_another_plugin() {
        loginAs("root", Role.ADMIN);
        assertThatThrownBy(() -> tokens.create("mixed", "incidents", Set.of("incidents.read", "sample.read"), null))
                .hasMessage("Not permissions of incidents: sample.read");
        assertThat(tokens.list()).extracting(ApiToken::name).doesNotContain("mixed");
    }
}
