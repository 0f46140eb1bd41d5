package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.console.ui.search.SearchView;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.SearchProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

@Import(GlobalSearchTest.BrokenProvider.class)
class GlobalSearchTest extends KaribuTest {

    /** A provider that fails: its group says so, the others still answer. */
    @TestConfiguration
    static class BrokenProvider {
        @Bean
        SearchProvider brokenSearch() {
            return new SearchProvider() {
                public String group() {
                    return "Broken module";
                }

                public String requiredPermission() {
                    return "platform.dashboard";
                }

                public List<SearchHit> search(SearchQuery query) {
                    throw new IllegalStateException("index is corrupt");
                }
            };
        }
    }

    @Autowired
    ExtensionRegistry registry;

    private void searchFromTheHeader(String text) {
        TextField field = _get(TextField.class, spec -> spec.withId("global-search"));
        setValue(field, text);
        com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireEvent(field,
                new com.vaadin.flow.component.KeyPressEvent(field, Key.ENTER.getKeys().getFirst()));
    }

    private static void openSearch(String text) {
        UI.getCurrent().navigate(SearchView.class, com.vaadin.flow.router.QueryParameters.of("q", text));
    }

    private List<String> groups() {
        return _find(H3.class).stream().map(H3::getText).toList();
    }

    @Test
    void results_are_grouped_by_module_and_link_to_the_record() {
        loginAs("ana", Role.SECURITY_ANALYST);
        UI.getCurrent().navigate("");
        searchFromTheHeader("hello sample");
        _get(SearchView.class);
        assertThat(groups()).contains("Sample notes");
        Anchor hit = _get(Anchor.class, spec -> spec.withText("hello from the sample plugin"));
        assertThat(hit.getHref()).isEqualTo("sample");
    }

    @Test
    void a_failing_module_is_named_and_does_not_hide_the_others() {
        loginAs("ana", Role.SECURITY_ANALYST);
        openSearch("hello");
        assertThat(groups()).contains("Sample notes", "Broken module");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Broken module could not be searched right now."));
    }

    @Test
    void modules_the_user_may_not_read_are_not_searched() {
        loginAs("mona", Role.MANAGER);
        openSearch("hello");
        assertThat(groups()).doesNotContain("Sample notes");
    }

    @Test
    void a_disabled_module_is_not_searched() {
        loginAs("ana", Role.SECURITY_ANALYST);
        registry.setEnabled("sample", false, "test");
        try {
            openSearch("hello");
            assertThat(groups()).doesNotContain("Sample notes");
        } finally {
            registry.setEnabled("sample", true, "test");
        }
    }

    @Test
    void a_too_short_query_explains_what_is_needed() {
        loginAs("ana", Role.SECURITY_ANALYST);
        openSearch("x");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Type at least 2 characters"));
    }
}
