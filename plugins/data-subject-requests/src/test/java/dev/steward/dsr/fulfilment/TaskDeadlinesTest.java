package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.spi.DeadlineSource;
import dev.steward.platform.spi.DeadlineSource.DeadlineQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.steward.dsr.db.Tables.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

class TaskDeadlinesTest extends FulfilmentTestBase {

    private DeadlineSource source() {
        return registry.contributions(DeadlineSource.class).stream().filter(TaskDeadlines.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void an_assigned_task_is_its_assignees_deadline_a_few_days_before_the_request_is_due_and_met_once_done() {
        holders(system("CRM", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        Instant due = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        dsl.update(REQUEST).set(REQUEST.DUE_AT, due).where(REQUEST.ID.eq(request.id())).execute();
        Task task = mine(bean(FulfilmentTasks.class).startFulfilment(request.id())).getFirst();
        assertThat(task.dueAt()).isEqualTo(due.minus(TaskMaker.LEAD));
        String sam = ownerWithUser("sam", new long[1]);
        loginAsOfficer();
        bean(FulfilmentTasks.class).assign(task.id(), task.version(), sam);

        assertThat(source().deadlines(new DeadlineQuery(Set.of("sam-" + suffix), null, true))).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Delete · CRM " + suffix + " for " + request.reference());
            assertThat(d.owner()).isEqualTo("sam-" + suffix);
            assertThat(d.state()).isEqualTo(DeadlineSource.State.OPEN);
            assertThat(d.link()).isEqualTo("requests/my-tasks");
        });
        bean(TaskOutcomes.class).complete(task.id(), task.version() + 1, TaskCompletion.of("Deleted"));
        assertThat(source().deadlines(new DeadlineQuery(Set.of("sam-" + suffix), null, true))).isEmpty();
        assertThat(source().deadlines(new DeadlineQuery(Set.of("sam-" + suffix), null, false))).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeadlineSource.State.MET));
    }
}
