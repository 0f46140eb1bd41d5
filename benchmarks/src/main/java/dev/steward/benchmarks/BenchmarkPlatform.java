package dev.steward.benchmarks;

import dev.steward.platform.PlatformConfiguration;
import dev.steward.testkit.TestDatabase;
import dev.steward.testkit.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Arrays;

/** The real platform services on a fresh database of the test PostgreSQL, for benchmarks that go through them. */
final class BenchmarkPlatform implements AutoCloseable {

    @Configuration
    @EnableAutoConfiguration
    @Import(PlatformConfiguration.class)
    static class App {
    }

    final TestDatabase database;
    final ConfigurableApplicationContext context;
    private final boolean ownsDatabase;

    BenchmarkPlatform() {
        this(TestPostgres.createDatabase(), true);
    }

    /** On a database made by someone else (a console under test), which is then not dropped on close. */
    BenchmarkPlatform(TestDatabase database, boolean ownsDatabase) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.datasource.url=" + database.jdbcUrl(), "--logging.level.root=warn", "--logging.level.dev.steward.reviews=info",
                        "--steward.home=" + System.getProperty("java.io.tmpdir") + "/steward-bench",
                        "--steward.people.import.max-rows=2000000", "--steward.people.import.max-bytes=1000000000");
    }

    /** Runs the calling thread as a user holding these permissions. */
    void actAs(String... permissions) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("benchmark",
                null, Arrays.stream(permissions).map(SimpleGrantedAuthority::new).toList()));
    }

    @Override
    public void close() {
        context.close();
        if (ownsDatabase) {
            database.drop();
        }
    }
}
