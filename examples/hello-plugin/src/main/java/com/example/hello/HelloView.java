package com.example.hello;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.steward.platform.spi.RequiresPermission;
import jakarta.annotation.security.PermitAll;

@Route("hello")
@PageTitle("Hello · Steward")
@PermitAll
@RequiresPermission(HelloPlugin.READ)
public class HelloView extends VerticalLayout {

    public HelloView(Greetings greetings) {
        add(new H2("Hello"));
        greetings.all().forEach(message -> add(new Paragraph(message)));
    }
}
