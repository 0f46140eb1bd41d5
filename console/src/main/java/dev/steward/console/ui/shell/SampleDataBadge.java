package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.Span;
import dev.steward.console.demo.SampleCompany;
import dev.steward.platform.sample.SampleInstall;

/**
 * In the header of a sample install ({@code --demo}), on every page: this is a made-up company, not real data.
 * Nothing on a real install.
 */
@org.springframework.stereotype.Component
class SampleDataBadge implements HeaderItem {

    static final String TEXT = "Sample data — a made-up company";

    private final SampleInstall install;

    SampleDataBadge(SampleInstall install) {
        this.install = install;
    }

    @Override
    public int order() {
        return -10;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        Span badge = new Span(TEXT);
        badge.getElement().getThemeList().add("badge contrast");
        badge.addClassName("sample-data-badge");
        badge.setTitle("Every person, incident, vendor and review here belongs to " + SampleCompany.NAME
                + ", which does not exist. Do not enter real data in this install.");
        badge.setVisible(install.isSampleInstall());
        return badge;
    }
}
