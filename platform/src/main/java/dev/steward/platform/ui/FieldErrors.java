package dev.steward.platform.ui;

import com.vaadin.flow.component.HasValidation;
import dev.steward.platform.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server-side rule violations ({@link InvalidInputException}) shown next to the form field they are about. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Clears the form's earlier errors, then marks each problem's field invalid with its message (the messages of
     * several problems with one field together).
     *
     * @param fields the form's fields by the name the service gives them in {@link InvalidInputException.Problem#field()}
     * @return the messages of the problems this form has no field for, joined with "; ": say them elsewhere (a toast,
     *         the dialog's error line); empty when every problem is shown on its field
     */
    public static Optional<String> show(Map<String, ? extends HasValidation> fields, InvalidInputException invalid) {
        clear(fields);
        Map<HasValidation, String> marked = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (InvalidInputException.Problem problem : invalid.problems()) {
            HasValidation target = problem.field() == null ? null : fields.get(problem.field());
            if (target == null) {
                elsewhere.add(problem.message());
            } else {
                marked.merge(target, problem.message(), (a, b) -> a + "; " + b);
            }
        }
        marked.forEach((target, message) -> {
            target.setErrorMessage(message);
            target.setInvalid(true);
        });
        return elsewhere.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", elsewhere));
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
