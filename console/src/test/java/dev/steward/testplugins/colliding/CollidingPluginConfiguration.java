package dev.steward.testplugins.colliding;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import dev.steward.platform.spi.ui.ViewContribution;
import jakarta.annotation.security.PermitAll;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
public class CollidingPluginConfiguration {

    /** Claims the sample plugin's path. */
    @Route("sample")
    @PermitAll
    @RequiresPermission("sample.read")
    public static class CollidingView extends Div {
    }

    @Bean
    ViewContribution collidingViews() {
        return () -> List.of(CollidingView.class);
    }
}
