package dev.steward.vendors.imports;

import dev.steward.platform.validation.InvalidInputException.Problem;

import java.util.List;

/** What the file would add, or why it cannot be imported (then nothing would be). */
public record ImportPreview(int vendors, int services, int processing, List<Problem> problems) {

    public boolean importable() {
        return problems.isEmpty();
    }
}
