package dev.steward.incidents;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which open notices an incident list is narrowed to: the dashboard cards' "show all" links carry it as
 * {@code incidents?notices=overdue|due72h|due30d}.
 */
public enum NoticeDue {
    OVERDUE("overdue", "Notice overdue", null),
    DUE_72H("due72h", "Notice due within 72 hours", Duration.ofHours(72)),
    DUE_30D("due30d", "Notice due within 30 days", Duration.ofDays(30));

    private final String parameter;
    private final String label;
    private final Duration within;

    NoticeDue(String parameter, String label, Duration within) {
        this.parameter = parameter;
        this.label = label;
        this.within = within;
    }

    /** The value of the {@code notices} query parameter. */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** How far ahead a notice counts as due; empty for overdue notices. */
    public Optional<Duration> within() {
        return Optional.ofNullable(within);
    }

    public static Optional<NoticeDue> ofParameter(String value) {
        return Arrays.stream(values()).filter(n -> n.parameter.equals(value)).findFirst();
    }
}
