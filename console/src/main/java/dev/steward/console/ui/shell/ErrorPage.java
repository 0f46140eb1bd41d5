package dev.steward.console.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.RouterLink;

/** A refused navigation: a title, the specific reason, and the way back. */
abstract class ErrorPage extends VerticalLayout {

    final Paragraph message = new Paragraph();
    private final int status;

    ErrorPage(String title, int status) {
        this.status = status;
        add(new H2(title), message, new RouterLink("Back to the dashboard", DashboardView.class));
    }

    /** Concrete pages implement {@code HasErrorParameter<X>} themselves (Vaadin reads X from the class) and call this. */
    int show(ErrorParameter<?> parameter) {
        message.setText(parameter.getCustomMessage());
        return status;
    }
}
