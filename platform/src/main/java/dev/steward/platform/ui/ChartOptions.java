package dev.steward.platform.ui;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Chart} shows, built on the server: categories along one axis (or the slices of a pie) and named
 * series of values, one per category. Written out as an Apache ECharts option object.
 */
public final class ChartOptions {

    public enum Kind { BARS, PIE }

    /** One named row of values; {@code null} values are gaps (no data for that category). */
    public record Series(String name, String type, String stack, List<? extends Number> values) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Kind kind;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private String valueAxis;
    private List<String> colors;

    private ChartOptions(Kind kind, List<String> categories) {
        this.kind = kind;
        this.categories = List.copyOf(categories);
    }

    /** Bars and lines over the categories (weeks, months, tiers). */
    public static ChartOptions over(List<String> categories) {
        return new ChartOptions(Kind.BARS, categories);
    }

    /** One slice per category; add exactly one series. */
    public static ChartOptions pie(List<String> categories) {
        return new ChartOptions(Kind.PIE, categories);
    }

    public ChartOptions bars(String name, List<? extends Number> values) {
        return add(new Series(name, "bar", null, values));
    }

    /** Bars stacked with the other series of the same {@code stack}. */
    public ChartOptions stackedBars(String stack, String name, List<? extends Number> values) {
        return add(new Series(name, "bar", stack, values));
    }

    public ChartOptions line(String name, List<? extends Number> values) {
        return add(new Series(name, "line", null, values));
    }

    /** The value axis's name, e.g. its unit ("hours"). */
    public ChartOptions valueAxis(String name) {
        this.valueAxis = name;
        return this;
    }

    /** The series' colours in order (CSS colours), where they carry meaning: red for the worst severity. */
    public ChartOptions colors(List<String> colors) {
        this.colors = List.copyOf(colors);
        return this;
    }

    private ChartOptions add(Series s) {
        if (s.values().size() != categories.size()) {
            throw new IllegalArgumentException("Series '" + s.name() + "' has " + s.values().size() + " values for " + categories.size() + " categories");
        }
        series.add(s);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> categories() {
        return categories;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public Optional<Series> series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The ECharts option object. */
    public String toJson() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("backgroundColor", "transparent");
        option.put("tooltip", Map.of("trigger", kind == Kind.PIE ? "item" : "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        if (colors != null) {
            option.put("color", colors);
        }
        if (kind == Kind.PIE) {
            List<Map<String, Object>> slices = new ArrayList<>();
            List<? extends Number> values = series.isEmpty() ? List.of() : series.getFirst().values();
            for (int i = 0; i < values.size(); i++) {
                slices.add(Map.of("name", categories.get(i), "value", values.get(i) == null ? 0 : values.get(i)));
            }
            option.put("series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"), "top", 24, "data", slices)));
        } else {
            option.put("grid", Map.of("left", 8, "right", 8, "top", 36, "bottom", 4, "containLabel", true));
            option.put("xAxis", Map.of("type", "category", "data", categories));
            Map<String, Object> yAxis = new LinkedHashMap<>(Map.of("type", "value", "minInterval", 1));
            if (valueAxis != null) {
                yAxis.put("name", valueAxis);
            }
            option.put("yAxis", yAxis);
            option.put("series", series.stream().map(ChartOptions::seriesOption).toList());
        }
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> seriesOption(Series s) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("name", s.name());
        option.put("type", s.type());
        if (s.stack() != null) {
            option.put("stack", s.stack());
        }
        if (s.type().equals("line")) {
            option.put("connectNulls", true);
        }
        option.put("data", s.values());
        return option;
    }
}
