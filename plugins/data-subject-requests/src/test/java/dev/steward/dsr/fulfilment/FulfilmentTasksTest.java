package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FulfilmentTasksTest extends FulfilmentTestBase {

    @Test
    void a_deletion_fans_out_to_the_processors_and_sub_processors_holding_the_categories_and_skips_the_others() {
        Holder crm = system("CRM", null, "contact", "identifiers");
        Holder payroll = system("Payroll", null, "payment");
        Holder mailer = processor("Mailer", null, "contact");
        Holder smtp = subProcessor("SmtpRelay", mailer, "contact");
        Holder lab = processor("Lab", null, "health");
        Holder labCloud = subProcessor("LabCloud", lab, "health");
        holders(crm, payroll, mailer, smtp, lab, labCloud);
        RightsRequest request = verified("US-CA", RequestType.DELETION);

        var tasks = mine(bean(FulfilmentTasks.class).startFulfilment(request.id(), Set.of("contact", "identifiers")));

        assertThat(tasks).extracting(Task::action, Task::holderName, Task::holderKind, Task::viaName).containsExactlyInAnyOrder(
                tuple(TaskAction.DELETE, "CRM " + suffix, HolderKind.OWN_SYSTEM, null),
                tuple(TaskAction.INSTRUCT_DELETE, "Mailer " + suffix, HolderKind.PROCESSOR, null),
                tuple(TaskAction.INSTRUCT_DELETE, "SmtpRelay " + suffix, HolderKind.SUB_PROCESSOR, "Mailer " + suffix));
        assertThat(tasks).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.OPEN));
        assertThat(tasks).filteredOn(t -> t.holderKind() == HolderKind.PROCESSOR).singleElement()
                .satisfies(t -> assertThat(t.contactEmail()).isEqualTo("privacy@mailer.example"));
        assertThat(bean(RequestTimeline.class).of(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.TASK);
            assertThat(e.text()).contains("Fulfilment started: 3 tasks for contact, identifiers");
        });
    }

    @Test
    void each_request_type_gives_its_own_tasks_in_our_systems_and_access_or_objection_do_not_reach_processors() {
        holders(system("CRM", null, "contact"), processor("Mailer", null, "contact"));
        RightsRequest access = verified("DE", RequestType.ACCESS_SPECIFIC, RequestType.OBJECTION, RequestType.OPT_OUT_SALE);

        var tasks = mine(bean(FulfilmentTasks.class).startFulfilment(access.id()));

        assertThat(tasks).extracting(Task::action).containsExactlyInAnyOrder(TaskAction.SEARCH, TaskAction.EXPORT, TaskAction.RESTRICT);
        assertThat(tasks).allSatisfy(t -> assertThat(t.holderKind()).isEqualTo(HolderKind.OWN_SYSTEM));
    }

    @Test
    void a_correction_and_a_restriction_are_passed_on_to_the_processors_and_sub_processors_holding_the_categories() {
        Holder mailer = processor("Mailer", null, "contact");
        Holder smtp = subProcessor("SmtpRelay", mailer, "contact");
        holders(system("CRM", null, "contact"), mailer, smtp, processor("Lab", null, "health"));
        RightsRequest request = verified("DE", RequestType.CORRECTION, RequestType.RESTRICTION);

        var tasks = mine(bean(FulfilmentTasks.class).startFulfilment(request.id(), Set.of("contact")));

        assertThat(tasks).extracting(Task::action, Task::holderName, Task::viaName).containsExactlyInAnyOrder(
                tuple(TaskAction.CORRECT, "CRM " + suffix, null),
                tuple(TaskAction.RESTRICT, "CRM " + suffix, null),
                tuple(TaskAction.INSTRUCT_CORRECT, "Mailer " + suffix, null),
                tuple(TaskAction.INSTRUCT_RESTRICT, "Mailer " + suffix, null),
                tuple(TaskAction.INSTRUCT_CORRECT, "SmtpRelay " + suffix, "Mailer " + suffix),
                tuple(TaskAction.INSTRUCT_RESTRICT, "SmtpRelay " + suffix, "Mailer " + suffix));
        assertThat(mine(bean(FulfilmentTasks.class).startFulfilment(request.id(), Set.of("contact")))).as("made once").hasSize(6);
    }

    @Test
    void a_processors_correction_is_done_only_with_its_confirmation_and_the_letter_says_so() throws Exception {
        holders(processor("Mailer", null, "contact"));
        RightsRequest request = verified("DE", RequestType.CORRECTION);
        Task task = mine(bean(FulfilmentTasks.class).startFulfilment(request.id())).getFirst();
        assertThat(task.action()).isEqualTo(TaskAction.INSTRUCT_CORRECT);
        TaskOutcomes outcomes = bean(TaskOutcomes.class);

        assertThatThrownBy(() -> outcomes.complete(task.id(), 0, TaskCompletion.of("Instructed"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("confirmedOn");
                    assertThat(p.message()).contains("the correction");
                }));
        outcomes.complete(task.id(), 0, TaskCompletion.confirmed("Instructed by email", LocalDate.now(), "C-9"));

        assertThat(bean(RequestTimeline.class).of(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.PROCESSOR);
            assertThat(e.line()).contains("Instruct to correct · Mailer " + suffix + ": done, confirmed");
        });
        Response response = bean(Responses.class).prepare(request.id());
        assertThat(ResponsesTest.pdfText(bean(AttachmentService.class).content(response.letterFileId())))
                .contains("Instructed our service provider Mailer " + suffix + " to correct your data; it confirmed the correction on " + LocalDate.now());
    }

    @Test
    void verification_makes_the_tasks_and_an_unverified_request_gets_none() {
        holders(system("CRM", null, "contact"));
        RightsRequest optOut = open("US-CA", RequestType.OPT_OUT_SALE); // needs no verification under the CCPA: verified as it opens

        assertThat(mine(bean(FulfilmentTasks.class).tasksOf(optOut.id()))).extracting(Task::action).containsExactly(TaskAction.RESTRICT);
        RightsRequest unverified = open("US-CA", RequestType.DELETION);
        assertField(() -> bean(FulfilmentTasks.class).startFulfilment(unverified.id()), "request");
        assertThat(bean(FulfilmentTasks.class).tasksOf(unverified.id())).isEmpty();
    }

    @Test
    void starting_again_adds_only_the_tasks_of_new_holders() {
        Holder crm = system("CRM", null, "contact");
        holders(crm);
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        FulfilmentTasks tasks = bean(FulfilmentTasks.class);
        tasks.startFulfilment(request.id());
        holders(crm, processor("Mailer", null, "contact"));

        assertThat(mine(tasks.startFulfilment(request.id()))).hasSize(2);
    }

    @Test
    void a_task_goes_to_the_holders_owner_user_and_only_they_see_and_complete_it() {
        long[] person = new long[1];
        String owner = ownerWithUser("sysowner", person);
        holders(system("CRM", person[0], "contact"), system("Billing", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        bean(RightsRequests.class).assign(request.id(), request.version(), "olivia");
        var tasks = mine(bean(FulfilmentTasks.class).startFulfilment(request.id()));
        Task crmTask = tasks.stream().filter(t -> t.holderName().startsWith("CRM")).findFirst().orElseThrow();
        Task billingTask = tasks.stream().filter(t -> t.holderName().startsWith("Billing")).findFirst().orElseThrow();
        assertThat(crmTask.assignee()).isEqualTo(owner);
        assertThat(billingTask.assignee()).as("no owner: the request's handler").isEqualTo("olivia");

        loginAs(owner, Role.MANAGER);
        assertThat(bean(FulfilmentTasks.class).myTasks(true)).extracting(Task::id).containsExactly(crmTask.id());
        assertThatThrownBy(() -> bean(FulfilmentTasks.class).find(billingTask.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bean(TaskOutcomes.class).complete(billingTask.id(), 0, TaskCompletion.of("Deleted")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bean(RightsRequests.class).find(request.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bean(FulfilmentTasks.class).tasksOf(request.id())).isInstanceOf(AccessDeniedException.class);

        Task done;
        try (UploadedFile evidence = UploadedFile.copyOf("deletion-log.txt", "deleted row 42".getBytes(StandardCharsets.UTF_8))) {
            done = bean(TaskOutcomes.class).complete(crmTask.id(), 0, TaskCompletion.of("Deleted the customer record").withEvidence(evidence));
        }
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.completedBy()).isEqualTo(owner);
        assertThat(bean(AttachmentService.class).content(done.evidenceFileId()))
                .asString(StandardCharsets.UTF_8).isEqualTo("deleted row 42");
        assertThat(bean(FulfilmentTasks.class).myTasks(true)).isEmpty();
    }

    @Test
    void a_processors_instruction_is_done_with_its_confirmation_date_and_reference() {
        holders(processor("Mailer", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        Task task = mine(bean(FulfilmentTasks.class).startFulfilment(request.id())).getFirst();
        TaskOutcomes outcomes = bean(TaskOutcomes.class);

        assertField(() -> outcomes.complete(task.id(), 0, TaskCompletion.of("Instructed")), "confirmedOn");
        assertField(() -> outcomes.complete(task.id(), 0, TaskCompletion.confirmed("Instructed", LocalDate.now().plusDays(5), "T-1")), "confirmedOn");
        Task done = outcomes.complete(task.id(), 0, TaskCompletion.confirmed("Instructed by email", LocalDate.now(), "TICKET-77"));

        assertThat(done.confirmedOn()).isEqualTo(LocalDate.now());
        assertThat(done.confirmationRef()).isEqualTo("TICKET-77");
        assertThat(bean(RequestTimeline.class).of(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.PROCESSOR);
            assertThat(e.line()).contains("Instruct to delete · Mailer " + suffix + ": done, confirmed").contains("TICKET-77");
        });
    }

    @Test
    void bad_input_on_tasks_is_refused_with_its_field_and_nothing_changes() {
        holders(system("CRM", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        FulfilmentTasks tasks = bean(FulfilmentTasks.class);
        assertField(() -> tasks.startFulfilment(request.id(), Set.of("no-such-category")), "categories");
        assertField(() -> tasks.startFulfilment(-1), "request");
        Task task = mine(tasks.startFulfilment(request.id())).getFirst();
        TaskOutcomes outcomes = bean(TaskOutcomes.class);

        assertField(() -> outcomes.complete(task.id(), 0, TaskCompletion.of(" ")), "outcome");
        assertField(() -> outcomes.complete(task.id(), 0, TaskCompletion.confirmed("Deleted", LocalDate.now(), "X")), "confirmedOn");
        assertField(() -> outcomes.notApplicable(task.id(), 0, ""), "reason");
        assertField(() -> outcomes.complete(-1, 0, TaskCompletion.of("Deleted")), "task");
        assertThatThrownBy(() -> outcomes.complete(task.id(), 3, TaskCompletion.of("Deleted"))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(tasks.find(task.id()).status()).isEqualTo(TaskStatus.OPEN);

        outcomes.notApplicable(task.id(), 0, "The requester has no account in the CRM");
        assertField(() -> outcomes.complete(task.id(), 1, TaskCompletion.of("Deleted")), "task");
    }

    @Test
    void a_task_is_assigned_only_to_an_active_user_who_may_do_request_tasks_or_to_nobody() {
        String manager = ownerWithUser("mia", new long[1]);
        users.create("aud-" + suffix, "Auditor " + suffix, "aud-" + suffix + "@example.org", java.util.EnumSet.of(Role.AUDITOR));
        holders(system("CRM", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        FulfilmentTasks tasks = bean(FulfilmentTasks.class);
        Task task = mine(tasks.startFulfilment(request.id())).getFirst();

        assertThat(tasks.assignableUsers()).extracting(Assignee::username).contains(manager).doesNotContain("aud-" + suffix);
        assertField(() -> tasks.assign(task.id(), task.version(), "nobody-" + suffix), "assignee");
        assertField(() -> tasks.assign(task.id(), task.version(), "aud-" + suffix), "assignee");
        assertThat(tasks.find(task.id()).assignee()).as("nothing changed").isEqualTo(task.assignee());

        Task given = tasks.assign(task.id(), task.version(), manager);
        assertThat(given.assignee()).isEqualTo(manager);
        assertThat(tasks.assign(task.id(), given.version(), null).assignee()).isNull();
    }

    @Test
    void closing_a_request_sets_its_open_tasks_aside() {
        holders(system("CRM", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        Task task = mine(bean(FulfilmentTasks.class).startFulfilment(request.id())).getFirst();

        bean(RightsRequests.class).close(request.id(), request.version(), dev.steward.dsr.requests.Outcome.WITHDRAWN, "Withdrawn by phone");

        Task after = bean(FulfilmentTasks.class).find(task.id());
        assertThat(after.status()).isEqualTo(TaskStatus.NOT_APPLICABLE);
        assertThat(after.outcome()).contains("closed");
    }

    static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field).contains(field));
    }
}
