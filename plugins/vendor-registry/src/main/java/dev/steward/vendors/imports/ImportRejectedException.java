package dev.steward.vendors.imports;

import java.util.List;

/** The file broke rules: nothing was written; every problem is listed. */
public class ImportRejectedException extends IllegalArgumentException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the file; nothing was imported. First: " + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
