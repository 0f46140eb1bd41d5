package dev.steward.console.demo;

import dev.steward.platform.audit.AuditOrigin;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.platform.security.FirstAdminBootstrap;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleData;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Loads the sample company ({@code --demo}, i.e. {@code steward.demo=true}) at start-up, after the migrations and the
 * first administrator: the host's people and users, then each module's {@link SampleData} in order, each in one
 * transaction together with its marker row (V79), acting as {@code sample-data} so that every change is audited.
 * Runs once: an install that holds sample data loads nothing more, and a database with real data is refused whole.
 */
@Component
public class SampleDataLoader {

    public static final String ACTOR = "sample-data";
    private static final long LOAD_LOCK = 0x5341_4d50_4c45L;
    private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

    /** What a call did. */
    public enum Outcome { LOADED, ALREADY_LOADED }

    private final boolean enabled;
    private final SampleInstall install;
    private final SampleCompany company;
    private final ExtensionRegistry registry;
    private final PermissionCatalog permissions;
    private final FirstAdminBootstrap firstAdmin;
    private final TransactionTemplate transaction;
    private final DSLContext dsl;

    public SampleDataLoader(@Value("${steward.demo:false}") boolean enabled, SampleInstall install, SampleCompany company,
                            ExtensionRegistry registry, PermissionCatalog permissions, FirstAdminBootstrap firstAdmin,
                            TransactionTemplate transaction, DSLContext dsl) {
        this.enabled = enabled;
        this.install = install;
        this.company = company;
        this.registry = registry;
        this.permissions = permissions;
        this.firstAdmin = firstAdmin;
        this.transaction = transaction;
        this.dsl = dsl;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIfAsked() {
        if (enabled) {
            firstAdmin.createFirstAdminIfNone(); // the administrator first: it is not one of the sample's records
            load();
        }
    }

    /** Loads the sample data unless loaded before; throws {@link SampleDataRefused} (nothing written) on real data. */
    public Outcome load() {
        return asSampleLoader(() -> {
            if (install.loaded(SampleInstall.HOST)) {
                log.info("This install holds sample data since an earlier start ({}); nothing loaded", install.loadedModules());
                return Outcome.ALREADY_LOADED;
            }
            List<SampleData> modules = registry.contributions(SampleData.class).stream()
                    .sorted(Comparator.comparingInt(SampleData::order)).toList();
            SampleContext context = transaction.execute(status -> {
                dsl.execute("select pg_advisory_xact_lock(?)", LOAD_LOCK); // two consoles started at once: one loads
                if (install.loaded(SampleInstall.HOST)) {
                    return null;
                }
                refuseOnRealData(modules);
                SampleContext made = company.create(Instant.now());
                install.markLoaded(SampleInstall.HOST, new SampleData.Summary(SampleCompany.records(),
                        "Org units, people and users of " + SampleCompany.NAME));
                return made;
            });
            if (context == null) {
                return Outcome.ALREADY_LOADED;
            }
            for (SampleData module : modules) {
                String id = moduleId(module);
                try {
                    SampleData.Summary summary = transaction.execute(status -> {
                        SampleData.Summary s = module.load(context);
                        install.markLoaded(id, s);
                        return s;
                    });
                    log.info("Sample data of {}: {}", id, summary.text());
                } catch (RuntimeException e) {
                    log.error("Sample data of {} could not be loaded; the module stays empty", id, e);
                }
            }
            announce();
            return Outcome.LOADED;
        });
    }

    private void refuseOnRealData(List<SampleData> modules) {
        List<String> found = new ArrayList<>(install.platformData());
        modules.stream().filter(SampleData::holdsData).forEach(m -> found.add("records of " + moduleId(m)));
        if (!found.isEmpty()) {
            SampleDataRefused refused = new SampleDataRefused(found);
            log.error(refused.getMessage());
            throw refused;
        }
    }

    private String moduleId(SampleData module) {
        return registry.ownerOf(org.springframework.util.ClassUtils.getUserClass(module)).orElse(SampleInstall.HOST);
    }

    private void announce() {
        String users = SampleCompany.USERS.stream().map(u -> String.format("   %-6s %s", u.username(), u.role().label()))
                .collect(Collectors.joining("\n"));
        log.warn("""

                ================================================================
                 Sample data loaded: {}, a made-up company. Sign in as
                {}
                 with the password {}
                 Every record is made up; do not enter real data here.
                ================================================================""", SampleCompany.NAME, users, SampleCompany.PASSWORD);
    }

    /** As a scheduled job does: every permission a role can hold, audited as the sample-data loader. */
    private <T> T asSampleLoader(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        Set<String> all = new TreeSet<>();
        permissions.permissionsByRole().values().forEach(all::addAll);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                all.stream().map(SimpleGrantedAuthority::new).toList()));
        try {
            return AuditOrigin.runAs(new AuditOrigin(ACTOR, null, null), work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
