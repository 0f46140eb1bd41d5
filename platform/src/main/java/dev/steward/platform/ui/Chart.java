package dev.steward.platform.ui;


import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;

import java.util.List;
import java.util.function.Function;

/**
 * A chart drawn in the browser by Apache ECharts (served from its webjar, no Node build): the options are built on
 * the server ({@link ChartOptions}); it follows its container's size and the light or dark theme, and a click on a
 * bar or slice can open the list behind it.
 */
public class Chart extends Div {

    /** Spring Boot serves webjars under /webjars/**; relative to the page's base, like the rest of the console. */
    static final String SCRIPT = "webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final String RENDER = """
            const el = this, options = JSON.parse($0);
            const draw = () => {
              if (el.$chart) el.$chart.dispose();
              const theme = (document.documentElement.getAttribute('theme') || '') + (document.body.getAttribute('theme') || '');
              el.$chart = echarts.init(el, theme.includes('dark') ? 'dark' : null);
              el.$chart.setOption(options);
              el.$chart.on('click', p => el.$server.clicked(p.name || ''));
              if (!el.$resize) { el.$resize = new ResizeObserver(() => el.$chart && el.$chart.resize()); el.$resize.observe(el); }
            };
            if (window.echarts) { draw(); return; }
            let script = document.getElementById('steward-echarts');
            if (!script) {
              script = document.createElement('script');
              script.id = 'steward-echarts';
              script.src = $1;
              document.head.appendChild(script);
            }
            script.addEventListener('load', draw);
            """;

    private static final String DISPOSE = """
            if (this.$resize) { this.$resize.disconnect(); this.$resize = null; }
            if (this.$chart) { this.$chart.dispose(); this.$chart = null; }
            """;

    private final ChartOptions options;
    private Function<String, String> target = category -> null;

    public Chart(ChartOptions options) {
        this.options = options;
        addClassName("steward-chart");
        setWidthFull();
        setHeight("260px");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", describe(options));
    }

    /** What a screen reader says for the picture: its series and the span of its categories (the list link has the rows). */
    static String describe(ChartOptions options) {
        List<String> categories = options.categories();
        String series = options.series().stream().map(ChartOptions.Series::name).collect(java.util.stream.Collectors.joining(", "));
        return "Chart of " + (series.isEmpty() ? "no figures" : series)
                + (categories.isEmpty() ? "" : " by " + (categories.size() == 1 ? categories.get(0)
                        : categories.get(0) + " to " + categories.get(categories.size() - 1)));
    }

    public ChartOptions options() {
        return options;
    }

    /** Where a click on a category (bar, slice) leads: a route with optional query, or null to stay. */
    public Chart linkingTo(Function<String, String> locationOfCategory) {
        this.target = locationOfCategory;
        getStyle().set("cursor", "pointer");
        return this;
    }

    /** The location a click on {@code category} opens, if any. */
    public String locationOf(String category) {
        return target.apply(category);
    }

    @ClientCallable
    public void clicked(String category) {
        String location = locationOf(category);
        if (location == null) {
            return;
        }
        int query = location.indexOf('?');
        getUI().ifPresent(ui -> {
            if (query < 0) {
                ui.navigate(location);
            } else {
                ui.navigate(location.substring(0, query), QueryParameters.fromString(location.substring(query + 1)));
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        getElement().executeJs(RENDER, options.toJson(), SCRIPT);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        getElement().executeJs(DISPOSE);
        super.onDetach(detach);
    }
}
