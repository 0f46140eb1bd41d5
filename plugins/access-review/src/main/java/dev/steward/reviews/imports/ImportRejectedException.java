package dev.steward.reviews.imports;

import java.util.List;

/** The file cannot be imported; nothing was written. {@link #problems()} lists the first problems found. */
public class ImportRejectedException extends IllegalArgumentException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().limit(5).map(ImportProblem::toString)
                .reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
