package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

@PermitAll
public class ForbiddenView extends ErrorPage implements HasErrorParameter<ForbiddenException> {

    public ForbiddenView() {
        super("No access", HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ForbiddenException> parameter) {
        return show(parameter);
    }
}
