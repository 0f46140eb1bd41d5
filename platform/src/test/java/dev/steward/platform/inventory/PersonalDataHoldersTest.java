package dev.steward.platform.inventory;

import dev.steward.platform.spi.PersonalDataHolders.DataHolder;
import dev.steward.platform.spi.PersonalDataHolders.HolderKind;
import dev.steward.platform.spi.PersonalDataHolders.SubjectKeys;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of the personal-data extension point: which holders may hold a category, and what identifies a subject. */
class PersonalDataHoldersTest {

    @Test
    void a_holder_may_hold_the_categories_it_names_and_one_with_unknown_categories_may_hold_any() {
        DataHolder payroll = new DataHolder("reviews.system", "1", "Payroll", HolderKind.OWN_SYSTEM, Set.of(), 7L, null, null);
        DataHolder mailer = new DataHolder("vendors.vendor", "2", "Mailer", HolderKind.PROCESSOR, Set.of("contact"), null, "dpo@mailer.example", null);
        assertThat(payroll.mayHold(Set.of("health"))).isTrue();
        assertThat(mailer.mayHold(Set.of("health", "contact"))).isTrue();
        assertThat(mailer.mayHold(Set.of("health"))).isFalse();
    }

    @Test
    void a_subject_is_named_by_at_least_one_key_and_blank_keys_count_as_none() {
        assertThat(new SubjectKeys("  ann@example.org ", "", null)).isEqualTo(new SubjectKeys("ann@example.org", null, null));
        assertThatThrownBy(() -> new SubjectKeys(" ", null, "")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().getFirst().field()).isEqualTo("subject"));
    }

    @Test
    void a_records_data_points_keep_their_order_and_cannot_be_changed() {
        Map<String, String> points = new LinkedHashMap<>();
        points.put("Email", "ann@example.org");
        points.put("Display name", "Ann");
        points.put("Last login", "2026-03-01T09:00:00Z");
        SubjectRecord record = new SubjectRecord("reviews.system", "1", "Payroll", "ann", points);
        assertThat(record.dataPoints().keySet()).containsExactly("Email", "Display name", "Last login");
        assertThatThrownBy(() -> record.dataPoints().put("Phone", "1")).isInstanceOf(UnsupportedOperationException.class);
    }
}
