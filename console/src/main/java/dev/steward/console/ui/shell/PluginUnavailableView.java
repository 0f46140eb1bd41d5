package dev.steward.console.ui.shell;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

@PermitAll
public class PluginUnavailableView extends ErrorPage<PluginUnavailableException> {
    public PluginUnavailableView() {
        super("Module unavailable", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
