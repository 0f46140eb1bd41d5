package dev.steward.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A dashboard card's content around a {@link Chart}: the chart, or what to do when there is nothing to draw, and a link to the list behind it. */
public class ChartCard extends Div {

    private final Chart chart;
    private final Anchor list;

    public ChartCard(Chart chart, String listLabel, String listLocation) {
        this.chart = chart;
        this.list = new Anchor(listLocation, listLabel);
        addClassName("steward-chart-card");
        add(chart, list);
    }

    /** Says {@code text} above the chart (a total, or why it is empty). */
    public ChartCard saying(String text) {
        addComponentAsFirst(new Span(text));
        return this;
    }

    public Chart chart() {
        return chart;
    }

    public Anchor list() {
        return list;
    }
}
