package dev.steward.console.ui.mywork;

import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import dev.steward.platform.deadlines.WorkItem;
import com.vaadin.flow.component.html.H3;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyWorkUiTest extends KaribuTest {

    @Test
    void a_user_sees_their_own_overdue_item_and_not_another_users() {
        loginAs("ana", Role.MANAGER); // managers do not hold sample.read: not the module's officer
        UI.getCurrent().navigate(MyWorkView.class);
        assertThat(_find(H3.class)).extracting(H3::getText).containsExactly("Overdue (1)");
        @SuppressWarnings("unchecked")
        var grids = _find(_get(MyWorkView.class).groups, com.vaadin.flow.component.grid.Grid.class);
        assertThat(grids).hasSize(1);
        assertThat(GridKt._findAll((com.vaadin.flow.component.grid.Grid<WorkItem>) grids.getFirst()))
                .extracting(i -> i.deadline().title()).containsExactly("Review note 1");
    }

    @Test
    void the_modules_officers_see_everyones_items_in_the_team_view() {
        loginAs("sally", Role.SECURITY_ANALYST); // holds sample.read, the sample module's officer permission
        UI.getCurrent().navigate(MyWorkView.class);
        MyWorkView view = _get(MyWorkView.class);
        view.tabs.setSelectedTab(view.team);
        // other modules' items may share this test database: look for the sample module's two, one per group
        @SuppressWarnings("unchecked")
        var titles = _find(view.groups, com.vaadin.flow.component.grid.Grid.class).stream()
                .flatMap(g -> GridKt._findAll((com.vaadin.flow.component.grid.Grid<WorkItem>) g).stream())
                .map(i -> i.deadline().title()).toList();
        assertThat(titles).contains("Review note 1", "Review note 2");
        assertThat(_find(H3.class)).extracting(H3::getText).anyMatch(t -> t.startsWith("Overdue (")).anyMatch(t -> t.startsWith("Later ("));
    }
}
