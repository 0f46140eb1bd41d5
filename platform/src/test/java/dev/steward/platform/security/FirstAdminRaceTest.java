package dev.steward.platform.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

import static dev.steward.platform.db.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Two consoles started at the same moment on one fresh database, each with its own Steward home. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FirstAdminRaceTest {

    @Autowired
    UserAccountService users;
    @Autowired
    DSLContext dsl;

    @Test
    void two_consoles_starting_at_once_create_exactly_one_administrator_and_one_password_file() throws Exception {
        for (int trial = 0; trial < 3; trial++) {
            dsl.deleteFrom(APP_USER).execute(); // a fresh database again (this context's own start made an admin)
            List<Path> homes = List.of(Files.createTempDirectory("steward-node-a"), Files.createTempDirectory("steward-node-b"));
            CyclicBarrier together = new CyclicBarrier(homes.size());
            List<CompletableFuture<Void>> starts = homes.stream().map(home -> CompletableFuture.runAsync(() -> {
                var bootstrap = new FirstAdminBootstrap(users, "raced-admin", "", home);
                await(together);
                bootstrap.createFirstAdminIfNone();
            })).toList();

            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(); // neither start throws

            assertThat(dsl.fetchCount(APP_USER)).isEqualTo(1);
            assertThat(homes.stream().map(home -> home.resolve(FirstAdminBootstrap.PASSWORD_FILE)).filter(Files::exists))
                    .hasSize(1);
            for (Path home : homes) {
                try (Stream<Path> files = Files.list(home)) {
                    assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
                }
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
