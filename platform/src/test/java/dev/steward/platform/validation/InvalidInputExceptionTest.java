package dev.steward.platform.validation;

import dev.steward.platform.validation.InvalidInputException.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidInputExceptionTest {

    @Test
    void one_problem_with_a_field_says_just_its_message() {
        InvalidInputException e = new InvalidInputException("legalName", "Give the vendor's legal name");
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("Give the vendor's legal name");
        assertThat(e.problems()).containsExactly(new Problem(0, "legalName", "Give the vendor's legal name"));
    }

    @Test
    void a_problem_of_a_file_names_its_line_and_column() {
        assertThat(new Problem(3, "owner", "Empty")).hasToString("line 3, column owner: Empty");
        assertThat(new Problem(3, null, "Duplicate of line 2")).hasToString("line 3: Duplicate of line 2");
        assertThat(new Problem(0, "owner", "The file is empty")).hasToString("The file is empty");
    }

    @Test
    void the_message_spells_out_the_first_five_problems_and_counts_the_rest() {
        List<Problem> seven = LongStream.rangeClosed(1, 7).mapToObj(line -> new Problem(line, null, "Bad")).toList();
        assertThat(new InvalidInputException(seven))
                .hasMessage("line 1: Bad; line 2: Bad; line 3: Bad; line 4: Bad; line 5: Bad; and 2 more");
        assertThat(new InvalidInputException(seven).problems()).hasSize(7);
    }

    @Test
    void invalid_input_has_at_least_one_problem() {
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
