package dev.steward.console.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

@PermitAll
public class PluginUnavailableView extends ErrorPage implements HasErrorParameter<PluginUnavailableException> {

    public PluginUnavailableView() {
        super("Module unavailable", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<PluginUnavailableException> parameter) {
        return show(parameter);
    }
}
