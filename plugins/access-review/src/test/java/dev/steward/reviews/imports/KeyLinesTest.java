package dev.steward.reviews.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyLinesTest {

    @Test
    void remembers_the_first_line_of_every_pair_through_its_growth() {
        KeyLines keys = new KeyLines();
        for (int i = 1; i <= 300_000; i++) {
            assertThat(keys.putIfAbsent("u" + (i / 100), "ROLE_" + (i % 100), i)).isZero();
        }
        for (int i = 1; i <= 300_000; i += 997) {
            assertThat(keys.putIfAbsent("u" + (i / 100), "ROLE_" + (i % 100), 1_000_000 + i)).isEqualTo(i);
        }
    }

    @Test
    void pairs_that_java_hashes_alike_or_that_join_alike_are_different_pairs() {
        KeyLines keys = new KeyLines();
        assertThat(keys.putIfAbsent("Aa", "R", 2)).isZero();
        assertThat(keys.putIfAbsent("BB", "R", 3)).isZero(); // "Aa".hashCode() == "BB".hashCode()
        assertThat(keys.putIfAbsent("ab", "c", 4)).isZero();
        assertThat(keys.putIfAbsent("a", "bc", 5)).isZero();
        assertThat(keys.putIfAbsent("BB", "R", 6)).isEqualTo(3);
    }
}
