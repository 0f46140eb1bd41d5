package dev.steward.platform.search;

import org.jooq.Condition;
import org.jooq.Field;

import java.util.Arrays;
import java.util.Locale;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;

/**
 * SQL building blocks for search providers. Each word of the query must appear (case-insensitive, anywhere) in
 * one of the fields; with a GIN index using {@code platform.gin_trgm_ops} on the fields PostgreSQL answers this
 * from the index. Ranking uses trigram similarity.
 */
public final class SearchSql {

    /** Words shorter than this cannot use a trigram index; a query of only such words finds nothing. */
    public static final int MIN_WORD_LENGTH = 2;

    /**
     * How many matches a provider ranks at most: filter with {@link #matchesAllWords} and LIMIT this many, then
     * order those by {@link #similarity}. Keeps a common word ("an") from ranking half a table.
     */
    public static final int CANDIDATES = 500;

    private SearchSql() {
    }

    public static String[] words(String text) {
        return text == null ? new String[0] : Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> w.length() >= MIN_WORD_LENGTH).limit(5).toArray(String[]::new);
    }

    /** True when the text has at least one searchable word. */
    public static boolean searchable(String text) {
        return words(text).length > 0;
    }

    /** Every word appears in at least one of the fields. */
    @SafeVarargs
    public static Condition matchesAllWords(String text, Field<String>... fields) {
        Condition all = noCondition();
        for (String word : words(text)) {
            String pattern = "%" + escapeLike(word) + "%";
            Condition any = Arrays.stream(fields).map(f -> f.likeIgnoreCase(pattern, '\\')).reduce(Condition::or)
                    .orElseThrow();
            all = all.and(any);
        }
        return all;
    }

    /** Higher is better: trigram similarity of the whole query to the field. */
    public static Field<Float> similarity(Field<String> target, String text) {
        return field("platform.similarity({0}, {1})", Float.class, target, org.jooq.impl.DSL.val(text));
    }

    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
