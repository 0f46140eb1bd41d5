package dev.steward.platform.onboarding;

import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.PlatformPermissions;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.GettingStartedStep;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static dev.steward.platform.db.generated.Tables.GETTING_STARTED;

/**
 * The getting-started checklist of an installation: the {@link GettingStartedStep}s of the host and the enabled
 * plugins, each ticked from real state, and whether administrators hid it from the dashboard.
 */
@Service
public class GettingStarted {

    static final String MAY_SEE = "hasAuthority('" + PlatformPermissions.GETTING_STARTED + "')";
    private static final Logger log = LoggerFactory.getLogger(GettingStarted.class);

    private final ExtensionRegistry registry;
    private final PermissionCatalog permissions;
    private final DSLContext dsl;

    GettingStarted(ExtensionRegistry registry, PermissionCatalog permissions, DSLContext dsl) {
        this.registry = registry;
        this.permissions = permissions;
        this.dsl = dsl;
    }

    /**
     * @param mayDo  the signed-in user holds the step's permission, so may follow its link
     * @param doneBy the roles holding that permission, for a user who may not
     */
    public record Step(String title, String description, String route, boolean done, boolean mayDo, List<Role> doneBy) {
    }

    public record Checklist(List<Step> steps, boolean hidden) {

        public long doneCount() {
            return steps.stream().filter(Step::done).count();
        }

        public boolean complete() {
            return steps.stream().allMatch(Step::done);
        }

        /** The dashboard points to the checklist while steps remain, unless an administrator hid it. */
        public boolean onDashboard() {
            return !hidden && !complete();
        }
    }

    @PreAuthorize(MAY_SEE)
    @Transactional(readOnly = true)
    public Checklist checklist() {
        List<Step> steps = registry.contributions(GettingStartedStep.class).stream()
                .sorted(Comparator.comparingInt(GettingStartedStep::order))
                .map(step -> new Step(step.title(), step.description(), step.route(), done(step),
                        CurrentUser.hasPermission(step.requiredPermission()), permissions.rolesHolding(step.requiredPermission())))
                .toList();
        return new Checklist(steps, dsl.fetchOptional(GETTING_STARTED).map(r -> r.getHidden()).orElse(false));
    }

    /** Hides the checklist from the dashboard, or shows it there again; the page itself stays in the menu. */
    @PreAuthorize(MAY_SEE)
    @Transactional
    public void setHidden(boolean hidden) {
        var row = dsl.fetchOptional(GETTING_STARTED).orElseGet(() -> {
            var created = dsl.newRecord(GETTING_STARTED);
            created.setId(1);
            return created;
        });
        row.setHidden(hidden);
        row.setChangedBy(CurrentUser.username().orElse("system"));
        row.setChangedAt(Instant.now());
        row.store();
    }

    private static boolean done(GettingStartedStep step) {
        try {
            return step.done();
        } catch (RuntimeException e) { // one module's broken query must not take the checklist down
            log.error("Getting-started step '{}' could not tell whether it is done", step.title(), e);
            return false;
        }
    }
}
