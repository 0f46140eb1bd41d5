package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.sql.SQLTransientConnectionException;

/** The connection pool gave up waiting for a connection: the database is down or restarting. */
@AnonymousAllowed
public class DatabaseUnavailableView extends DatabaseOutagePage implements HasErrorParameter<SQLTransientConnectionException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SQLTransientConnectionException> parameter) {
        return showOutage(event, parameter);
    }
}
