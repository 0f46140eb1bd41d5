package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.console.ui.mywork.MyWorkView;
import dev.steward.console.ui.search.SearchView;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Nothing here" says what is true for this user and what to do next; an unknown address gets the console's own page.
 * In the console's tests only the sample plugin is installed: managers hold none of its permissions, administrators
 * hold sample.read.
 */
class EmptyStatesUiTest extends KaribuTest {

    @Test
    void a_user_without_a_role_in_any_module_is_told_so_and_who_grants_roles() {
        loginAs("mona", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(texts()).anyMatch(t -> t.startsWith("You have no role in any module yet")
                && t.contains("An administrator grants roles under Users"));
        assertThat(texts()).noneMatch(t -> t.contains("as soon as they are installed"));
        assertThat(_find(Anchor.class)).as("no link to pages she may not open").noneMatch(a -> "admin/users".equals(a.getHref()));
    }

    @Test
    void an_administrator_is_told_the_role_runs_the_console_but_holds_no_module_and_is_sent_to_users_and_getting_started() {
        ExtensionRegistry registry = context.getBean(ExtensionRegistry.class);
        registry.setEnabled("sample", false, "test");
        try {
            loginAs("root", Role.ADMIN);
            UI.getCurrent().navigate(DashboardView.class);
            assertThat(texts()).anyMatch(t -> t.startsWith("Nothing on your dashboard yet: cards come from the modules, and the "
                    + "administrator role runs the console") && t.contains("give yourself or others its role under Users"));
            assertThat(texts()).contains("Sample notes, where you also have a role, is switched off by an administrator.");
            assertThat(_find(_get(EmptyDashboard.class), Anchor.class)).extracting(Anchor::getHref)
                    .containsExactly("admin/users", "getting-started", "admin/plugins");
        } finally {
            registry.setEnabled("sample", true, "test");
        }
    }

    @Test
    void my_work_tells_a_user_without_a_module_role_that_no_deadline_can_be_theirs() {
        loginAs("mona", Role.MANAGER);
        UI.getCurrent().navigate(MyWorkView.class);
        assertThat(texts()).contains("Nothing due: you have no role in any module yet, so no deadline is yours. "
                + "An administrator grants roles under Users.");

        loginAs("sam", Role.SECURITY_ANALYST); // holds sample.read; no deadline of the sample plugin is his
        UI.getCurrent().navigate(DashboardView.class);
        UI.getCurrent().navigate(MyWorkView.class);
        assertThat(texts()).contains("Nothing due. Deadlines from Sample notes appear here when they are yours.");
    }

    @Test
    void search_that_finds_nothing_names_what_was_searched() {
        loginAs("mona", Role.MANAGER);
        UI.getCurrent().navigate(SearchView.class, QueryParameters.of("q", "zzqxw"));
        assertThat(texts()).anyMatch(t -> t.startsWith("Nothing found for “zzqxw” in ") && t.contains("People")
                && !t.contains("Sample notes") && t.endsWith("which is what you may search. Try fewer or shorter words."));
    }

    @Test
    void an_unknown_address_gets_the_consoles_not_found_page_with_the_way_back_and_status_404() {
        // Karibu's mock request is not the one Vaadin's access control reads for an error view, so the page is given
        // its error directly here; UnknownAddressTest navigates to an unknown address over real HTTP
        loginAs("mona", Role.MANAGER);
        NotFoundView page = new NotFoundView();
        var event = new BeforeEnterEvent(UI.getCurrent().getInternals().getRouter(), NavigationTrigger.PAGE_LOAD,
                new Location("no-such-page/at-all"), NotFoundView.class, UI.getCurrent(), List.of());
        int status = page.setErrorParameter(event, new ErrorParameter<>(NotFoundException.class, new NotFoundException("x")));
        assertThat(status).isEqualTo(404);
        assertThat(page.message.getText()).startsWith("There is no page at /no-such-page/at-all.");
        assertThat(_find(page, RouterLink.class)).extracting(RouterLink::getText).containsExactly("Back to the dashboard");
    }

    private static List<String> texts() {
        return _find(Paragraph.class).stream().map(p -> p.getElement().getTextRecursively()).toList();
    }

    @Test
    void a_page_the_user_may_not_open_says_so_inside_the_shell_with_the_menu() {
        loginAs("mia", Role.MANAGER); // the sample plugin's page is for administrators, analysts and auditors
        UI.getCurrent().navigate("sample");
        ForbiddenView page = _get(ForbiddenView.class);
        assertThat(page.getParent()).get().isInstanceOf(MainLayout.class);
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNav.class)).isNotEmpty();
        assertThat(page.message.getText()).as("roles by name, no permission code")
                .isEqualTo("Only an administrator, a security analyst or an auditor can open this page. "
                        + "If you need it, an administrator can give you such a role under Users.");
    }
}
