package dev.steward.console.ui.start;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.steward.platform.onboarding.GettingStarted.Step;
import dev.steward.platform.ui.WhoCan;

/** One step of the checklist: done or not, what it is, and the way to do it (or who can). */
class StepRow extends HorizontalLayout {

    final Step step;

    StepRow(Step step, boolean mayManageUsers) {
        this.step = step;
        addClassName("steward-step");
        addClassName(step.done() ? "done" : "open");
        Icon mark = (step.done() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        mark.addClassName("steward-step-mark");
        mark.setTooltipText(step.done() ? "Done" : "Not done yet");
        mark.getElement().setAttribute("aria-label", step.done() ? "Done" : "Not done yet");
        mark.getElement().setAttribute("role", "img"); // a named picture: a tooltip may describe it
        Div text = new Div(new H3(step.title()), new Paragraph(step.description()));
        if (step.mayDo()) {
            Anchor go = new Anchor(step.route(), step.done() ? "Open" : "Do it now");
            go.getElement().setAttribute("router-link", true);
            text.add(go);
        } else {
            text.add(whoCan(step, mayManageUsers));
        }
        add(mark, text);
        setWidthFull();
    }

    /** In {@link WhoCan}'s words, as every screen says who may take an action: "Only a privacy officer can import people." */
    static Paragraph whoCan(Step step, boolean mayManageUsers) {
        WhoCan who = new WhoCan(step.mayDo(), step.doneBy());
        Paragraph note = new Paragraph(new Span(who.onlyCan(asAction(step.title())) + ". "));
        note.addClassName("steward-step-who");
        if (mayManageUsers && !step.doneBy().isEmpty()) {
            note.add(new Span("Give " + (step.doneBy().size() == 1 ? "that role" : "one of those roles")
                            + " to someone, or to yourself, under "),
                    routerLink("admin/users", "Users"), new Span("."));
        }
        return note;
    }

    /** "Import people" as the rest of a sentence ("import people"); an acronym ("LDAP …") keeps its capitals. */
    static String asAction(String title) {
        boolean acronym = title.length() > 1 && Character.isUpperCase(title.charAt(1));
        return acronym ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    private static Anchor routerLink(String route, String text) {
        Anchor link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
