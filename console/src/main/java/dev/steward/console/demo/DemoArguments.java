package dev.steward.console.demo;

import java.util.Arrays;
import java.util.stream.Stream;

/** The command line's {@code --demo}: the same as {@code --steward.demo=true}. */
public final class DemoArguments {

    private DemoArguments() {
    }

    public static String[] expand(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--steward.demo=true" : a).toArray(String[]::new);
    }

    public static boolean isDemo(String[] args) {
        return Stream.of(expand(args)).anyMatch(a -> a.equals("--steward.demo=true") || a.equals("--steward.demo"));
    }

    /** The refusal behind a failed start, or null when it failed for another reason. */
    public static SampleDataRefused refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SampleDataRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
