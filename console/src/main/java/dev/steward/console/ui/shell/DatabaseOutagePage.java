package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that could not be opened because the database is unreachable: says so, with a button that opens the same
 * page again, instead of Vaadin's text of the exception. Vaadin picks an error view by the exact class of an
 * exception in the cause chain, hence one small subclass per way an outage shows. Outside the shell on purpose:
 * the shell's menu and badges read the database.
 */
abstract class DatabaseOutagePage extends ErrorPage {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutagePage.class);
    static final String TEXT = "Steward cannot reach its database right now, so this page cannot be shown. "
            + "Try again in a minute: nothing is lost.";

    DatabaseOutagePage() {
        super("Database unavailable", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        Button again = new Button("Try again", e -> UI.getCurrent().getPage().reload());
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addComponentAtIndex(2, again);
        message.setText(TEXT);
    }

    int showOutage(BeforeEnterEvent event, ErrorParameter<?> parameter) {
        log.warn("Page /{} not shown: the database is unreachable ({})", event.getLocation().getPath(),
                parameter.getCaughtException().getMessage());
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
