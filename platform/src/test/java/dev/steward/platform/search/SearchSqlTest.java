package dev.steward.platform.search;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SearchSqlTest {

    @Autowired
    DSLContext dsl;

    private final org.jooq.Field<String> name = field("name", String.class);

    @BeforeEach
    void aLargeTableWithATrigramIndex() {
        dsl.execute("create table if not exists public.search_probe (id int primary key, name text not null)");
        if (dsl.fetchCount(table("public.search_probe")) == 0) {
            dsl.execute("insert into public.search_probe select g, 'person ' || g || ' ' || md5(g::text) from generate_series(1, 50000) g");
            dsl.execute("insert into public.search_probe values (50001, 'Grace O''Hopper 100%_sure')");
            dsl.execute("create index search_probe_trgm on public.search_probe using gin (name platform.gin_trgm_ops)");
            dsl.execute("analyze public.search_probe");
        }
    }

    private List<String> find(String text) {
        return dsl.select(name).from(table("public.search_probe")).where(SearchSql.matchesAllWords(text, name))
                .orderBy(SearchSql.similarity(name, text).desc()).limit(5).fetch(0, String.class);
    }

    @Test
    void every_word_must_match_case_insensitively_anywhere() {
        assertThat(find("hopper GRACE")).containsExactly("Grace O'Hopper 100%_sure");
        assertThat(find("grace nobody")).isEmpty();
    }

    @Test
    void like_wildcards_in_the_query_are_taken_literally() {
        assertThat(find("0%_s")).containsExactly("Grace O'Hopper 100%_sure");
        assertThat(find("%%")).isEmpty();
    }

    @Test
    void one_letter_words_are_not_searchable() {
        assertThat(SearchSql.searchable("a b")).isFalse();
        assertThat(SearchSql.searchable("ab")).isTrue();
    }

    @Test
    void postgresql_answers_from_the_trigram_index_not_a_table_scan() {
        String plan = dsl.fetch("explain " + dsl.renderInlined(dsl.select(name).from(table("public.search_probe"))
                .where(SearchSql.matchesAllWords("hopper", name)))).format();
        assertThat(plan).contains("search_probe_trgm").doesNotContain("Seq Scan");
    }
}
