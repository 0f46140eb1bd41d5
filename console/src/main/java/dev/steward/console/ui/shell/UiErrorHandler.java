package dev.steward.console.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.steward.platform.db.DatabaseUnavailable;
import dev.steward.platform.plugin.PluginDisabledException;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;

/**
 * The last line for errors a view did not handle itself (in the console's views and every plugin's): a rule the
 * user broke is shown with its own message, an unreachable database as a banner that keeps the page and its input
 * ({@link DatabaseOutageBanner}), anything else as a short notice with a reference to the log. Never a stack trace in
 * the browser.
 */
@org.springframework.stereotype.Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (DatabaseUnavailable.causedBy(event.getThrowable())) {
            log.warn("A UI action failed: the database is unreachable ({})", event.getThrowable().getMessage());
            if (UI.getCurrent() != null) {
                DatabaseOutageBanner.show(UI.getCurrent());
            }
            return;
        }
        String message = userMessage(event.getThrowable());
        if (UI.getCurrent() != null) {
            Toasts.error(message);
        }
    }

    static String userMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return "You do not have permission to do this";
            }
            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException
                    || t instanceof ConcurrentChangeException || t instanceof PluginDisabledException) {
                return t.getMessage();
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error in the UI (reference {})", reference, thrown);
        return "Something went wrong and nothing was changed. The error is logged with reference " + reference + ".";
    }
}
