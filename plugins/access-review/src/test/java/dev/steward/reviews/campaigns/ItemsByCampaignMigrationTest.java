package dev.steward.reviews.campaigns;

import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V16 moves the review items of an existing database into one table per campaign, keeping every id. */
class ItemsByCampaignMigrationTest {

    final TestDatabase database = TestPostgres.createDatabase();
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void existing_items_move_into_their_campaigns_tables_with_their_ids_and_new_ids_follow_them() throws SQLException {
        dataSource.setURL(database.jdbcUrl());
        migrate("platform", "db/platform", null);
        migrate("reviews", "db/reviews", "15");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into reviews.review_item (campaign_id, system_id, account_name, entitlement, privileged, recommendation,"
                    + " reviewer, outcome, decided_by, stage, granted_via) select case when g <= 3 then 7 else 9 end, 1, 'a' || g, 'ROLE',"
                    + " false, 'APPROVE', 'mgr', case when g = 2 then 'APPROVED' else 'PENDING' end, case when g = 2 then 'mgr' end, 1,"
                    + " 'via role' from generate_series(1, 5) g");
        }
        List<String> before = items();

        migrate("reviews", "db/reviews", null);

        assertThat(items()).isEqualTo(before);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(strings(s, "select tableoid::regclass || ':' || count(*) from reviews.review_item group by tableoid order by 1"))
                    .containsExactly("reviews.review_item_c7:3", "reviews.review_item_c9:2");
            assertThat(strings(s, "insert into reviews.review_item (campaign_id, system_id, account_name, entitlement, privileged,"
                    + " recommendation, reviewer) values (9, 1, 'b', 'ROLE', false, 'APPROVE', 'mgr') returning id::text"))
                    .containsExactly("6");
        }
    }

    private void migrate(String schema, String location, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true).table("flyway_schema_history")
                .locations("classpath:" + location);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private List<String> items() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return strings(s, "select id || '|' || campaign_id || '|' || account_name || '|' || outcome || '|' || coalesce(decided_by, '-')"
                    + " || '|' || granted_via from reviews.review_item order by id");
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
