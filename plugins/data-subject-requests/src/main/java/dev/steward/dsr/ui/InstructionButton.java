package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.fulfilment.Task;
import dev.steward.dsr.fulfilment.TaskAction;
import dev.steward.dsr.processors.InstructionState;
import dev.steward.dsr.processors.ProcessorInstructions;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.Buttons;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.InvalidInputException;

/** On a processor's task row of the Fulfilment tab: where its instruction stands, and "Send instruction" (confirmed first). */
@org.springframework.stereotype.Component
class InstructionButton {

    private final ProcessorInstructions instructions;
    private final PermissionCatalog permissions;

    InstructionButton(ProcessorInstructions instructions, PermissionCatalog permissions) {
        this.instructions = instructions;
        this.permissions = permissions;
    }

    /** The row's part, or an empty span for tasks that are no instruction to a processor. */
    Component create(Task task, Runnable changed) {
        if (task.action() != TaskAction.INSTRUCT_DELETE) {
            return new Span();
        }
        InstructionState state = instructions.state(task.id()).orElse(null);
        Span status = new Span(state == null ? "" : state.summary(DisplayTime::date));
        status.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button send = Buttons.small(state == null ? "Send instruction" : "Send again", () -> confirm(task, state, changed));
        send.setVisible(task.open());
        WhoCan work = WhoCan.permission(permissions, DsrPermissions.WORK);
        work.apply(send, work.onlyCan("send instructions to processors"));
        if (send.isEnabled() && (task.contactEmail() == null || task.contactEmail().isBlank())) {
            send.setEnabled(false);
            send.setTooltipText("The vendor registry names no privacy contact email for " + task.holderName());
        }
        HorizontalLayout part = new HorizontalLayout(status, send);
        part.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return part;
    }

    private void confirm(Task task, InstructionState state, Runnable changed) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(state == null ? "Send the instruction to delete?" : "Send the instruction again?");
        dialog.setText("Steward mails " + task.contactEmail() + " the instruction to delete, naming the requester so that "
                + task.holderName() + " can find the data, with a link to confirm."
                + (state == null ? "" : " The link in the earlier mail stops working.")
                + " Categories under a deletion exception are left out, so record exceptions first.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Send");
        dialog.addConfirmListener(e -> {
            try {
                instructions.send(task.id());
                Toasts.success("Instruction sent to " + task.contactEmail());
                changed.run();
            } catch (InvalidInputException refused) {
                Toasts.error(refused.problems().getFirst().message());
            }
        });
        dialog.open();
    }
}
