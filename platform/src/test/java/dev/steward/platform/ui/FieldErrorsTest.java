package dev.steward.platform.ui;

import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorsTest {

    private final TextField name = new TextField("Name");
    private final TextField country = new TextField("Country");
    private final Map<String, TextField> fields = Map.of("name", name, "country", country);

    @Test
    void each_problem_is_shown_on_its_field_and_the_others_are_returned_to_say_elsewhere() {
        country.setInvalid(true); // an error of the previous attempt
        var rest = FieldErrors.show(fields, new InvalidInputException(List.of(new Problem("name", "Give a name"),
                new Problem("name", "At most 300 characters"), new Problem(null, "The vendor no longer exists"),
                new Problem("colour", "Unknown field colour"))));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give a name; At most 300 characters");
        assertThat(country.isInvalid()).isFalse();
        assertThat(rest).contains("The vendor no longer exists; Unknown field colour");
    }

    @Test
    void nothing_is_returned_when_every_problem_has_its_field() {
        assertThat(FieldErrors.show(fields, new InvalidInputException("country", "Unknown country"))).isEmpty();
        assertThat(country.getErrorMessage()).isEqualTo("Unknown country");
    }
}
