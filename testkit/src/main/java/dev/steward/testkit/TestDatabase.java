package dev.steward.testkit;

/** A database created for one test context; {@link #drop()} removes it. */
public record TestDatabase(String name, String jdbcUrl) {

    public void drop() {
        TestPostgres.dropDatabase(name);
    }
}
