package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.steward.console.ui.mfa.TwoFactorView;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import jakarta.annotation.security.PermitAll;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell around every view: header with user menu and theme switch, side navigation built from the enabled
 * plugins' {@link NavigationContribution}s that the user may see. Rebuilt after each navigation, so a plugin an
 * admin disables vanishes from the menu without a restart.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    public static final String THEME_ATTRIBUTE = "steward.theme";

    private final ExtensionRegistry registry;
    private final VerticalLayout navigation = new VerticalLayout();

    public MainLayout(ExtensionRegistry registry, AuthenticationContext authentication, List<HeaderItem> headerItems) {
        this.registry = registry;
        setPrimarySection(Section.DRAWER);
        H1 title = new H1("Steward");
        title.addClassName("steward-title");
        navigation.setPadding(false);
        navigation.setSpacing(false);
        addToDrawer(title, navigation);

        Button theme = new Button(VaadinIcon.ADJUST.create(), e -> toggleTheme());
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setAriaLabel("Switch light or dark theme");
        theme.setTooltipText("Light / dark");

        MenuBar userMenu = new MenuBar();
        userMenu.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_TERTIARY_INLINE);
        var user = userMenu.addItem(new Span(CurrentUser.username().orElse("")));
        user.getSubMenu().addItem("Change password", e -> UI.getCurrent().navigate(ChangePasswordView.class));
        user.getSubMenu().addItem("Two-factor authentication", e -> UI.getCurrent().navigate(TwoFactorView.class));
        user.getSubMenu().addItem("My notifications", e -> UI.getCurrent().navigate("account/notifications"));
        user.getSubMenu().addItem("My settings", e -> UI.getCurrent().navigate("account/settings"));
        user.getSubMenu().addItem("Sign out", e -> authentication.logout());

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span());
        headerItems.stream().sorted(Comparator.comparingInt(HeaderItem::order)).forEach(item -> header.add(item.create()));
        header.add(theme, userMenu);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.setPadding(true);
        addToNavbar(header);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        navigation.removeAll();
        Map<String, List<NavigationItem>> groups = new LinkedHashMap<>();
        registry.contributions(NavigationContribution.class).stream()
                .flatMap(c -> c.navigationItems().stream())
                .filter(item -> CurrentUser.hasPermission(item.requiredPermission()))
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .forEach(item -> groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item));
        groups.forEach((group, items) -> {
            SideNav nav = new SideNav(group);
            nav.setCollapsible(true);
            nav.setWidthFull();
            items.forEach(item -> nav.addItem(new SideNavItem(item.label(), item.view(), item.icon().create())));
            navigation.add(nav);
        });
    }

    private void toggleTheme() {
        var themes = UI.getCurrent().getElement().getThemeList();
        boolean dark = !themes.contains(Lumo.DARK);
        if (dark) {
            themes.add(Lumo.DARK);
        } else {
            themes.remove(Lumo.DARK);
        }
        UI.getCurrent().getSession().setAttribute(THEME_ATTRIBUTE, dark ? Lumo.DARK : Lumo.LIGHT);
    }
}
