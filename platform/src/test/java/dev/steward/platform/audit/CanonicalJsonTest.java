package dev.steward.platform.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    @Test
    void keys_are_sorted_so_insertion_order_does_not_change_the_text() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", List.of("x", true));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", List.of("x", true));
        b.put("b", 1);
        assertThat(CanonicalJson.write(a)).isEqualTo(CanonicalJson.write(b)).isEqualTo("{\"a\":[\"x\",true],\"b\":1}");
    }

    @Test
    void strings_are_escaped_and_times_written_as_iso() {
        assertThat(CanonicalJson.write(Map.of("s", "a\"b\\c\nd\u0001", "t", Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"t\":\"2026-01-02T03:04:05Z\"}");
    }

    @Test
    void the_same_content_hashes_the_same_and_any_change_hashes_differently() {
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        String h1 = AuditHash.of(AuditHash.GENESIS, t, "u", null, null, "m", "e", "1", "A", null, "{}", null);
        String h2 = AuditHash.of(AuditHash.GENESIS, t, "u", null, null, "m", "e", "1", "A", null, "{}", null);
        String h3 = AuditHash.of(AuditHash.GENESIS, t, "u", null, null, "m", "e", "1", "A", null, "{}", "x");
        assertThat(h1).isEqualTo(h2).isNotEqualTo(h3);
    }
}
