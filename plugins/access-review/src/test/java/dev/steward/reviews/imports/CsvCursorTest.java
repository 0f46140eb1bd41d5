package dev.steward.reviews.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCursorTest {

    @Test
    void reads_quoted_fields_line_breaks_of_every_kind_and_skips_empty_lines() throws Exception {
        String file = "\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3\r4,5,\n";
        assertThat(records(file)).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("1", "", "3"),
                List.of("4", "5", ""));
    }

    @Test
    void strips_white_space_around_a_value_but_keeps_it_inside() throws Exception {
        CsvCursor csv = CsvCursor.of(bytes(" jane doe ,\" R 1 \"\njane doe,R2\njanet,R2\n"));
        assertThat(csv.next()).isTrue();
        String jane = csv.stripped(0, null);
        assertThat(jane).isEqualTo("jane doe");
        assertThat(csv.stripped(1, null)).isEqualTo("R 1");
        assertThat(csv.field(1)).isEqualTo(" R 1 ");
        // a value the row before had is handed back, not copied again
        assertThat(csv.next()).isTrue();
        assertThat(csv.stripped(0, jane)).isSameAs(jane);
        assertThat(csv.next()).isTrue();
        assertThat(csv.stripped(0, jane)).isEqualTo("janet");
    }

    @Test
    void an_open_quote_or_text_after_a_closing_quote_is_not_csv() throws Exception {
        CsvCursor open = CsvCursor.of(bytes("a,b\n\"x,y\n"));
        open.next();
        assertThatThrownBy(open::next).isInstanceOf(CsvCursor.MalformedCsvException.class)
                .hasMessage("a quoted field opened on line 2 is not closed before the end of the file");
        CsvCursor after = CsvCursor.of(bytes("\"x\"y,z\n"));
        assertThatThrownBy(after::next).hasMessage("line 1 has text after the closing quote of a field");
    }

    @Test
    void each_record_knows_the_line_of_the_file_it_starts_on() throws Exception {
        CsvCursor csv = CsvCursor.of(bytes("h1,h2\r\n\r\na,\"two\r\nlines\"\nb,c\rd,e\n"));
        List<Long> lines = new ArrayList<>();
        while (csv.next()) {
            lines.add(csv.line());
        }
        assertThat(lines).containsExactly(1L, 3L, 5L, 6L);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_not_replaced() {
        assertThatThrownBy(() -> CsvCursor.of("m\u00fcller,R1\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> CsvCursor.of("name,role\n\nm\u00fcller,R1\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(CsvCursor.NotUtf8Exception.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    private static List<List<String>> records(String file) throws Exception {
        CsvCursor csv = CsvCursor.of(bytes(file));
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < csv.size(); i++) {
                fields.add(csv.field(i));
            }
            records.add(fields);
        }
        return records;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
