package dev.steward.console.demo;

import java.util.List;

/** Sample data was asked for on a database that holds real data: nothing was loaded. */
public class SampleDataRefused extends RuntimeException {

    public SampleDataRefused(List<String> found) {
        super("Refusing to load sample data: this database already holds real data (" + String.join(", ", found)
                + "). Sample data is only ever loaded into a fresh install; start the demo with its own home, e.g. "
                + "STEWARD_HOME=/tmp/steward-demo ./steward start --demo");
    }
}
