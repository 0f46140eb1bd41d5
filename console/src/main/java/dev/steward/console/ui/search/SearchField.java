package dev.steward.console.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.steward.console.ui.shell.HeaderItem;

/** The header's search box: Enter opens the results page. */
@org.springframework.stereotype.Component
class SearchField implements HeaderItem {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create() {
        TextField field = new TextField();
        field.setId("global-search");
        field.setPlaceholder("Search everything");
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setAriaLabel("Search");
        field.setWidth("min(22rem, 40vw)");
        field.addKeyPressListener(Key.ENTER, e -> open(field.getValue()));
        return field;
    }

    static void open(String text) {
        UI.getCurrent().navigate(SearchView.class, QueryParameters.of("q", text == null ? "" : text.trim()));
    }
}
