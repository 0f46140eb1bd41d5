package dev.steward.platform.spi.ui;

import com.vaadin.flow.component.Component;

import java.util.List;

/**
 * Extension point: the plugin's {@code @Route} views. The console registers them in code at start (Vaadin does not
 * scan plugin packages), one plugin at a time; each view must also carry {@link dev.steward.platform.spi.RequiresPermission}.
 */
public interface ViewContribution {

    List<Class<? extends Component>> views();
}
