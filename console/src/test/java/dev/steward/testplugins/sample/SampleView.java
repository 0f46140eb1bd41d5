package dev.steward.testplugins.sample;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

@Route("sample")
@PermitAll
@RequiresPermission("sample.read")
public class SampleView extends VerticalLayout {

    public SampleView(SampleNotes notes) {
        add(new H2("Sample notes"));
        notes.notes().forEach(n -> add(new Paragraph(n)));
    }
}
