package dev.steward.console.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.security.ApiToken;
import dev.steward.platform.security.ApiTokenService;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;

/** API tokens for machine clients: each scoped to one plugin and some of its permissions; the secret is shown once. */
@Route("admin/api-tokens")
@PageTitle("API tokens · Steward")
@PermitAll
@RequiresPermission(PlatformPermissions.API_TOKENS_MANAGE)
public class ApiTokensView extends VerticalLayout {

    final Grid<ApiToken> grid = new Grid<>();
    final Button create = new Button("New token", VaadinIcon.PLUS.create());
    private final ApiTokenService tokens;

    public ApiTokensView(ApiTokenService tokens, PermissionCatalog permissions) {
        this.tokens = tokens;
        setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> new ApiTokenDialog(tokens, permissions, this::refresh).open());
        Instant now = Instant.now();
        grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ApiToken::pluginId).setHeader("Plugin").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.permissions())).setHeader("Permissions").setFlexGrow(1);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> t.createdBy() + ", " + DisplayTime.format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : DisplayTime.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : DisplayTime.format(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.revokedAt() != null ? "revoked by " + t.revokedBy() : t.active(now) ? "active" : "expired")
                .setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", click -> {
                tokens.revoke(t.id());
                Toasts.success("Token " + t.name() + " revoked");
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(t.revokedAt() == null);
            return revoke;
        }).setKey("revoke").setAutoWidth(true);
        grid.setSizeFull();
        add(new HorizontalLayout(new H2("API tokens"), create),
                new Paragraph("Machine clients (a SIEM, an HR feed) call the API with Authorization: Bearer <token>. "
                        + "A token acts only within its plugin and its permissions; its calls are audited under api:<name>."), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(tokens.list());
    }
}
