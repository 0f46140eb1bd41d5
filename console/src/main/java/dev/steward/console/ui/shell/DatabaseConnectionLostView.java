package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.dao.DataAccessResourceFailureException;

/** The database went away under a query (Spring's translation of SQLSTATE 08 and 57P0x). */
@AnonymousAllowed
public class DatabaseConnectionLostView extends DatabaseOutagePage implements HasErrorParameter<DataAccessResourceFailureException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
        return showOutage(event, parameter);
    }
}
