package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;

/** A refused navigation: a title, the specific reason, and the way back. */
abstract class ErrorPage<E extends Exception> extends VerticalLayout implements HasErrorParameter<E> {

    final Paragraph message = new Paragraph();
    private final int status;

    ErrorPage(String title, int status) {
        this.status = status;
        add(new H2(title), message, new RouterLink("Back to the dashboard", DashboardView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<E> parameter) {
        message.setText(parameter.getCustomMessage());
        return status;
    }
}
