package dev.steward.testplugins.sample;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.PermissionSet;
import dev.steward.platform.spi.ScheduledJob;
import dev.steward.platform.spi.SearchProvider;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.spi.ui.DashboardWidget;
import dev.steward.platform.spi.ui.NavigationContribution;
import dev.steward.platform.spi.ui.NavigationItem;
import dev.steward.platform.spi.ui.ViewContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
class SampleContributions {

    @Bean
    ViewContribution sampleViews() {
        return () -> List.of(SampleView.class);
    }

    @Bean
    NavigationContribution sampleNavigation() {
        return () -> List.of(new NavigationItem("Sample notes", "Sample", VaadinIcon.NOTEBOOK, SampleView.class, "sample.read", 50));
    }

    @Bean
    PermissionSet samplePermissions() {
        return () -> List.of(Permission.of("sample.read", "Read sample notes", Role.ADMIN, Role.SECURITY_ANALYST, Role.AUDITOR),
                Permission.of("sample.write", "Run the sample job by hand", Role.PRIVACY_OFFICER));
    }

    @Bean
    SearchProvider sampleSearch(org.jooq.DSLContext dsl) {
        return new SearchProvider() {
            public String group() {
                return "Sample notes";
            }

            public String requiredPermission() {
                return "sample.read";
            }

            public List<SearchHit> search(SearchQuery query) {
                var text = org.jooq.impl.DSL.field("text", String.class);
                return dsl.select(text).from(org.jooq.impl.DSL.table("sample.note"))
                        .where(SearchSql.matchesAllWords(query.text(), text)).limit(query.limit())
                        .fetch(r -> new SearchHit(r.value1(), "a sample note", "sample"));
            }
        };
    }

    /** Counts its runs in the plugin's own table, so a test sees whether it ran. */
    @Bean
    ScheduledJob sampleJob(org.jooq.DSLContext dsl) {
        return new ScheduledJob() {
            public String id() {
                return "sample.count";
            }

            public String description() {
                return "Records a tick each time it runs";
            }

            public Schedule schedule() {
                return Schedule.cron("0 0 3 * * *");
            }

            public void run(JobContext context) {
                dsl.execute("insert into sample.job_tick default values");
            }
        };
    }

    /** Two fixed deadlines: one overdue for "ana", one next month for "bob". */
    @Bean
    DeadlineSource sampleDeadlines() {
        java.time.Instant now = java.time.Instant.now();
        List<DeadlineSource.Deadline> all = List.of(
                new DeadlineSource.Deadline("sample:note:1:review", "sample", "Review note 1", "ana", now.minusSeconds(3600),
                        DeadlineSource.Severity.HIGH, "sample", DeadlineSource.State.OPEN, null),
                new DeadlineSource.Deadline("sample:note:2:review", "sample", "Review note 2", "bob", now.plus(java.time.Duration.ofDays(40)),
                        DeadlineSource.Severity.LOW, "sample", DeadlineSource.State.OPEN, null));
        return new DeadlineSource() {
            public String officerPermission() {
                return "sample.read";
            }

            public String readPermission(Deadline deadline) {
                return "platform.dashboard"; // sample notes are no secret: everyone signed in may see them
            }

            public List<Deadline> deadlines(DeadlineQuery q) {
                return all.stream().filter(d -> q.owners() == null || q.owners().contains(d.owner())).toList();
            }
        };
    }

    /** Files on sample notes: readers may see them, admins may add and delete. */
    @Bean
    dev.steward.platform.spi.AttachmentAccess sampleFiles() {
        return new dev.steward.platform.spi.AttachmentAccess() {
            public String module() {
                return "sample";
            }

            public boolean mayRead(String entityType, String entityId) {
                return dev.steward.platform.security.CurrentUser.hasPermission("sample.read");
            }

            public boolean mayWrite(String entityType, String entityId) {
                return dev.steward.platform.security.CurrentUser.hasPermission("platform.users.manage");
            }

            public String writePermission() {
                return "platform.users.manage";
            }
        };
    }

    /** Getting started: done once the sample job has ticked; only privacy officers (sample.write) may do it. */
    @Bean
    dev.steward.platform.spi.GettingStartedStep sampleStep(org.jooq.DSLContext dsl) {
        return new dev.steward.platform.spi.GettingStartedStep() {
            public String title() {
                return "Tick the sample job once";
            }

            public String description() {
                return "Shows that a plugin's step is listed and ticks itself.";
            }

            public String requiredPermission() {
                return "sample.write";
            }

            public String route() {
                return "sample";
            }

            public boolean done() {
                return dsl.fetchSingle("select exists (select 1 from sample.job_tick)").get(0, Boolean.class);
            }
        };
    }

    @Bean
    DashboardWidget sampleWidget(SampleNotes notes) {
        return new DashboardWidget() {
            @Override
            public String title() {
                return "Sample notes";
            }

            @Override
            public String requiredPermission() {
                return "sample.read";
            }

            @Override
            public Component create() {
                return new Span(notes.notes().size() + " note(s)");
            }
        };
    }
}
