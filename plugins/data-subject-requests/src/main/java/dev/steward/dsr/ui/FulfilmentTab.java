package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.fulfilment.DeletionException;
import dev.steward.dsr.fulfilment.DeletionExceptions;
import dev.steward.dsr.fulfilment.FulfilmentTasks;
import dev.steward.dsr.fulfilment.Response;
import dev.steward.dsr.fulfilment.Responses;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskOutcomes;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.WhoCan;

import java.time.Instant;
import java.util.List;

/**
 * The request's fulfilment: its tasks in our systems, the processors' confirmations, the deletion exceptions, and
 * the response (prepared once every task is finished).
 */
@org.springframework.stereotype.Component
class FulfilmentTab implements RequestTab {

    private final FulfilmentTasks tasks;
    private final TaskOutcomes outcomes;
    private final DeletionExceptions exceptions;
    private final Responses responses;
    private final AttachmentService files;
    private final PermissionCatalog permissions;
    private final InstructionButton instruction;
    private final RightsRequests requests;

    FulfilmentTab(FulfilmentTasks tasks, TaskOutcomes outcomes, DeletionExceptions exceptions, Responses responses,
                  AttachmentService files, PermissionCatalog permissions, RightsRequests requests, InstructionButton instruction) {
        this.requests = requests;
        this.instruction = instruction;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.exceptions = exceptions;
        this.responses = responses;
        this.files = files;
        this.permissions = permissions;
    }

    @Override
    public String label() {
        return "Fulfilment";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Component create(RightsRequest request, Runnable changed) {
        return new Panel(request, changed);
    }

    /** The panel of one request; its parts are fields so that tests can reach them. */
    class Panel extends VerticalLayout {

        final Button start = new Button("Start fulfilment");
        final Grid<Task> taskGrid = new Grid<>();
        final Grid<Task> processorGrid = new Grid<>();
        final Grid<DeletionException> exceptionGrid = new Grid<>();
        final Button addException = new Button("Record exception…");
        final Button prepare = new Button("Prepare response…");
        final Button closeDone = new Button("Close as complied with…");
        final Paragraph prepareNote;
        final Grid<Response> responseGrid = new Grid<>();

        Panel(RightsRequest request, Runnable changed) {
            setPadding(false);
            WhoCan work = WhoCan.permission(permissions, DsrPermissions.WORK);
            List<Task> all = tasks.tasksOf(request.id());
            List<Task> own = all.stream().filter(t -> !t.action().needsConfirmation()).toList();
            List<Task> instructions = all.stream().filter(t -> t.action().needsConfirmation()).toList();
            Instant now = Instant.now();

            start.addClickListener(e -> {
                tasks.startFulfilment(request.id());
                changed.run();
            });
            start.setText(all.isEmpty() ? "Start fulfilment" : "Add tasks for new holders");
            start.setTooltipText("Makes the tasks from the personal-data map: our systems, processors and sub-processors");
            start.setVisible(request.status() == dev.steward.dsr.requests.RequestStatus.IN_PROGRESS);
            work.apply(start, work.onlyCan("start the fulfilment"));
            Paragraph intro = new Paragraph(all.isEmpty() ? request.status() == dev.steward.dsr.requests.RequestStatus.AWAITING_VERIFICATION
                    ? "No tasks yet: they are made from the personal-data map when the request is verified."
                    : "No tasks: the personal-data map names no system or processor that may hold this data."
                    : all.stream().filter(Task::open).count() + " of " + all.size() + " tasks open.");

            taskGrid.addColumn(Task::title).setHeader("Task").setFlexGrow(2).setTooltipGenerator(t -> t.action().description());
            taskGrid.addColumn(t -> t.status().label()).setHeader("Status").setAutoWidth(true);
            taskGrid.addColumn(t -> t.assignee() == null ? "Nobody yet" : t.assignee()).setHeader("Assignee").setAutoWidth(true);
            taskGrid.addColumn(t -> t.dueAt() == null ? "" : t.open() ? DisplayTime.countdown(t.dueAt(), now) : DisplayTime.date(t.dueAt()))
                    .setHeader("Due").setAutoWidth(true);
            taskGrid.addColumn(t -> t.outcome() == null ? "" : t.outcome()).setHeader("Outcome").setFlexGrow(2).setTooltipGenerator(Task::outcome);
            taskGrid.addComponentColumn(t -> actions(t, work, changed)).setAutoWidth(true).setFlexGrow(0);
            taskGrid.setItems(own);
            taskGrid.setAllRowsVisible(true);

            processorGrid.addColumn(Task::holderName).setHeader("Processor").setFlexGrow(2);
            processorGrid.addColumn(t -> t.action().label()).setHeader("Instruction").setAutoWidth(true).setTooltipGenerator(t -> t.action().description());
            processorGrid.addColumn(t -> t.holderKind().label() + (t.viaName() == null ? "" : " of " + t.viaName())).setHeader("Role").setFlexGrow(1);
            processorGrid.addColumn(t -> t.contactEmail() == null ? "" : t.contactEmail()).setHeader("Contact").setAutoWidth(true);
            processorGrid.addColumn(t -> t.confirmedOn() == null ? t.status().label() : "Confirmed " + t.confirmedOn()).setHeader("Confirmation").setAutoWidth(true);
            processorGrid.addColumn(t -> t.confirmationRef() == null ? "" : t.confirmationRef()).setHeader("Reference").setAutoWidth(true);
            processorGrid.addColumn(t -> t.assignee() == null ? "Nobody yet" : t.assignee()).setHeader("Assignee").setAutoWidth(true);
            processorGrid.addComponentColumn(t -> actions(t, work, changed)).setAutoWidth(true).setFlexGrow(0);
            processorGrid.setItems(instructions);
            processorGrid.setAllRowsVisible(true);

            boolean deletion = request.types().contains(RequestType.DELETION);
            exceptionGrid.addColumn(DeletionException::categoryName).setHeader("Category kept").setAutoWidth(true);
            exceptionGrid.addColumn(e -> e.basis().citation()).setHeader("Legal basis").setAutoWidth(true).setTooltipGenerator(e -> e.basis().text());
            exceptionGrid.addColumn(DeletionException::reason).setHeader("Reason").setFlexGrow(2).setTooltipGenerator(DeletionException::reason);
            exceptionGrid.addComponentColumn(e -> {
                Button remove = Buttons.small("Remove", () -> {
                    exceptions.remove(e.id());
                    changed.run();
                });
                work.apply(remove, work.onlyCan("remove deletion exceptions"));
                remove.setVisible(request.open());
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
            exceptionGrid.setItems(exceptions.of(request.id()));
            exceptionGrid.setAllRowsVisible(true);
            addException.addClickListener(e -> new ExceptionDialog(request, exceptions.categories(), exceptions, changed).open());
            work.apply(addException, work.onlyCan("record deletion exceptions"));
            addException.setEnabled(addException.isEnabled() && request.open());

            Responses.Readiness readiness = responses.readiness(request.id());
            prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            prepare.setEnabled(readiness.ready());
            if (!readiness.ready()) {
                prepare.setTooltipText(readiness.reason());
            }
            prepareNote = new Paragraph(readiness.ready() ? "" : readiness.reason());
            prepareNote.setVisible(!readiness.ready());
            prepareNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
            prepare.addClickListener(e -> new ResponseDialog(request, responses, changed).open());
            responseGrid.addColumn(r -> DisplayTime.format(r.preparedAt())).setHeader("Prepared").setAutoWidth(true);
            responseGrid.addColumn(Response::preparedBy).setHeader("By").setAutoWidth(true);
            responseGrid.addColumn(r -> r.packageFileId() == null ? "Letter" : "Letter and data package").setHeader("Contents").setFlexGrow(1);
            responseGrid.addColumn(r -> r.sent() ? r.sentVia().label() + ", " + DisplayTime.format(r.sentAt()) : "Not sent yet")
                    .setHeader("Sent").setAutoWidth(true);
            responseGrid.addComponentColumn(r -> {
                Button sent = Buttons.small("Record sending…", () -> new SentDialog(r, responses, changed).open());
                sent.setVisible(!r.sent());
                work.apply(sent, work.onlyCan("record that a response was sent"));
                return sent;
            }).setAutoWidth(true).setFlexGrow(0);
            responseGrid.setItems(responses.responses(request.id()));
            responseGrid.setAllRowsVisible(true);

            add(new HorizontalLayout(intro, start), new H4("Tasks in our systems"), taskGrid);
            if (deletion || !instructions.isEmpty()) {
                add(new H4("Instructions to processors and sub-processors"), processorGrid);
            }
            if (deletion) {
                add(new HorizontalLayout(new H4("Deletion exceptions"), addException), exceptionGrid);
            }
            closeDone.setVisible(request.open());
            closeDone.addClickListener(e -> new CloseDialog(request, requests, changed).open());
            work.apply(closeDone, work.onlyCan("close a request"));
            if (work.allowed() && !responses.sent(request.id())) {
                closeDone.setEnabled(false);
                closeDone.setTooltipText("Record the response as sent first: a request is complied with only once it was answered");
            }
            add(new HorizontalLayout(new H4("Response"), prepare, closeDone), prepareNote, responseGrid,
                    new AttachmentsPanel(files, new dev.steward.platform.files.Attachment.Owner(DsrPermissions.PLUGIN_ID, "request", Long.toString(request.id()))));
        }

        private Component actions(Task t, WhoCan work, Runnable changed) {
            Button assign = Buttons.small("Assign…", () -> new AssignDialog(t, tasks, changed).open());
            assign.setVisible(t.open());
            work.apply(assign, work.onlyCan("assign tasks"));
            return new HorizontalLayout(instruction.create(t, changed), assign, reportButton(t, changed));
        }

        private Component reportButton(Task t, Runnable changed) {
            Button report = Buttons.small("Report…", () -> new TaskDialog(t, outcomes, files.maxBytes(), changed).open());
            report.setVisible(t.open());
            boolean mine = t.assignee() != null && t.assignee().equals(CurrentUser.username().orElse(null));
            WhoCan.of(permissions, DsrPermissions.WORK, mine || CurrentUser.hasPermission(DsrPermissions.WORK)).and("the task's assignee")
                    .apply(report, WhoCan.of(permissions, DsrPermissions.WORK, false).and("the task's assignee").onlyCan("report this task"));
            return report;
        }
    }
}
