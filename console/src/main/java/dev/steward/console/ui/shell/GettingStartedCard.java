package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.platform.onboarding.GettingStarted;

/** On an administrator's dashboard while a new installation's getting-started steps remain: how far, and the way on. */
class GettingStartedCard extends Div {

    GettingStartedCard(GettingStarted.Checklist checklist) {
        addClassNames("steward-card", "steward-getting-started");
        long left = checklist.steps().size() - checklist.doneCount();
        String next = checklist.steps().stream().filter(s -> !s.done()).findFirst().map(GettingStarted.Step::title).orElse("");
        Anchor open = new Anchor("getting-started", "Continue setting up");
        open.getElement().setAttribute("router-link", true);
        add(new H3("Getting started: " + checklist.doneCount() + " of " + checklist.steps().size() + " steps done"),
                new Paragraph(left + (left == 1 ? " step remains" : " steps remain") + " before people can work in this "
                        + "installation. Next: " + next + "."),
                open);
    }
}
