package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.verification.AgentAuthority;
import dev.steward.dsr.verification.DataPoint;
import dev.steward.dsr.verification.DataPoints;
import dev.steward.dsr.verification.PointKind;
import dev.steward.dsr.verification.Proof;
import dev.steward.dsr.verification.Refusals;
import dev.steward.dsr.verification.VerificationState;
import dev.steward.dsr.verification.Verifications;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;
import java.util.stream.Collectors;

/** The rule that applies, the data points and what they matched, the proofs on file, and the decision. */
@org.springframework.stereotype.Component
class VerificationTab implements RequestTab {

    private final Verifications verifications;
    private final DataPoints points;
    private final AttachmentService files;
    private final PermissionCatalog catalog;
    private final Refusals refusals;

    VerificationTab(Verifications verifications, DataPoints points, AttachmentService files, PermissionCatalog catalog, Refusals refusals) {
        this.verifications = verifications;
        this.refusals = refusals;
        this.points = points;
        this.files = files;
        this.catalog = catalog;
    }

    @Override
    public String label() {
        return "Verification";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create(RightsRequest request, Runnable changed) {
        return new Panel(request, changed);
    }

    /** One request's verification panel; rebuilt by the page after each change. */
    class Panel extends VerticalLayout {

        final Paragraph rule = new Paragraph();
        final Paragraph overLimit = new Paragraph();
        final Grid<DataPoint> grid = new Grid<>();
        final Select<PointKind> kind = new Select<>();
        final TextField value = new TextField("Value given");
        final TextField handReason = new TextField("Confirmed by hand: how");
        final Button add = new Button("Check and add");
        final Button confirm = new Button("Add as confirmed by hand");
        final Select<AgentAuthority> authority = new Select<>();
        final Paragraph missing = new Paragraph();
        final Button verify = new Button("Verified");
        final Button fail = new Button("Cannot be verified");
        final Paragraph whoCan;
        final RefusalSection refusal;
        private final RightsRequest request;
        private final Runnable changed;

        Panel(RightsRequest request, Runnable changed) {
            this.request = request;
            this.changed = changed;
            setPadding(false);
            WhoCan who = WhoCan.permission(catalog, DsrPermissions.WORK);
            whoCan = who.note(who.onlyCan("verify requests"));
            VerificationState state = verifications.state(request.id(), null);
            rule.setText(ruleText(state));
            overLimit.setText(state.overLimit().isEmpty() ? "" : "More than two access requests in 12 months: earlier "
                    + state.overLimit().stream().map(e -> e.reference() + " (" + DisplayTime.date(e.receivedAt()) + ")")
                    .collect(Collectors.joining(", ")) + ". It may be denied or charged for.");
            overLimit.setVisible(!state.overLimit().isEmpty());
            overLimit.getStyle().set("color", "var(--lumo-error-text-color)");

            grid.addColumn(p -> p.kind().label()).setHeader("Data point").setAutoWidth(true);
            grid.addColumn(DataPoint::value).setHeader("Given").setFlexGrow(1).setTooltipGenerator(DataPoint::value);
            grid.addColumn(p -> p.matched() ? "Yes" : "No").setHeader("Matched").setAutoWidth(true);
            grid.addColumn(p -> p.source() == null ? "" : p.source().label()).setHeader("Source").setAutoWidth(true);
            grid.addColumn(Panel::against).setHeader("Against").setFlexGrow(2).setTooltipGenerator(Panel::against);
            grid.addColumn(p -> p.recordedBy() + ", " + DisplayTime.format(p.recordedAt())).setHeader("Recorded").setAutoWidth(true);
            grid.setAllRowsVisible(true);
            grid.setItems(state.points());

            kind.setLabel("Kind");
            kind.setItems(PointKind.values());
            kind.setItemLabelGenerator(PointKind::label);
            add.addClickListener(e -> act(() -> points.record(request.id(), kind.getValue(), value.getValue())));
            confirm.addClickListener(e -> act(() -> points.confirmByHand(request.id(), kind.getValue(), value.getValue(), handReason.getValue())));
            HorizontalLayout addRow = new HorizontalLayout(kind, value, add, handReason, confirm);
            addRow.setAlignItems(FlexComponent.Alignment.BASELINE);
            addRow.getStyle().set("flex-wrap", "wrap");
            boolean awaiting = state.decision() == null && request.open()
                    && request.status() == dev.steward.dsr.requests.RequestStatus.AWAITING_VERIFICATION;
            addRow.setVisible(awaiting && who.allowed());

            authority.setLabel("The agent holds");
            authority.setItems(AgentAuthority.values());
            authority.setItemLabelGenerator(AgentAuthority::label);
            authority.setVisible(request.onBehalf() == OnBehalf.AGENT);
            authority.addValueChangeListener(e -> showMissing(verifications.state(request.id(), e.getValue()), who, awaiting));
            add(new H4("Rule"), rule, overLimit, new H4("Data points"), grid, addRow, authority);
            for (Proof proof : state.requirement().proofsWith(null)) {
                add(new H4(proof.label()), new AttachmentsPanel(files, owner(proof)));
            }
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            verify.addClickListener(e -> act(() -> verifications.verify(request.id(), request.version(), authority.getValue())));
            fail.addThemeVariants(ButtonVariant.LUMO_ERROR);
            fail.addClickListener(e -> confirmFailure(state));
            HorizontalLayout decide = new HorizontalLayout(verify, fail);
            decide.setVisible(awaiting);
            refusal = new RefusalSection(refusals, request, changed, who, !state.overLimit().isEmpty());
            add(new H4("Decision"), decisionText(state), missing, decide, whoCan, refusal);
            showMissing(state, who, awaiting);
        }

        private dev.steward.platform.files.Attachment.Owner owner(Proof proof) {
            return proof.owner(request.id());
        }

        private static String against(DataPoint p) {
            return p.matchedAgainst() == null ? "" : p.matchedAgainst() + (p.handReason() == null ? "" : ": " + p.handReason());
        }

        private void showMissing(VerificationState state, WhoCan who, boolean awaiting) {
            missing.setText(awaiting && !state.missing().isEmpty() ? "Still missing: " + String.join("; ", state.missing()) : "");
            missing.setVisible(awaiting && !state.missing().isEmpty());
            boolean agentUnsaid = request.onBehalf() == OnBehalf.AGENT && authority.getValue() == null;
            verify.setEnabled(who.allowed() && state.canVerify() && !agentUnsaid);
            verify.setTooltipText(!who.allowed() ? who.onlyCan("verify requests")
                    : agentUnsaid ? "Say what the agent holds first" : state.canVerify() ? null : "Still missing: " + String.join("; ", state.missing()));
            who.apply(fail, who.onlyCan("close a request as not verified"));
        }

        private void confirmFailure(VerificationState state) {
            TextField note = new TextField("What was tried");
            note.setWidthFull();
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader("Close as not verified?");
            dialog.add(new Paragraph("The request closes as “" + state.requirement().outcomeOnFailure().label()
                    + "” and the requester is told: " + state.requirement().failureReason()), note);
            dialog.setCancelable(true);
            dialog.setConfirmText("Close it");
            dialog.setConfirmButtonTheme("error primary");
            dialog.setCloseOnEsc(true);
            dialog.addConfirmListener(e -> act(() -> verifications.fail(request.id(), request.version(), note.getValue())));
            dialog.open();
        }

        private void act(Runnable action) {
            try {
                action.run();
                changed.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("kind", kind, "value", value, "reason", handReason), invalid).ifPresent(Toasts::error);
            } catch (dev.steward.platform.validation.ConcurrentChangeException stale) {
                Toasts.error(stale.getMessage());
            }
        }

        private Paragraph decisionText(VerificationState state) {
            VerificationState.Decision d = state.decision();
            return new Paragraph(d == null ? "Not decided yet" : ("VERIFIED".equals(d.decision()) ? "Verified" : "Not verified")
                    + " by " + d.decidedBy() + ", " + DisplayTime.format(d.decidedAt()) + " under " + d.rulesApplied()
                    + (d.reason() == null ? "" : ": " + d.reason()));
        }

        private static String ruleText(VerificationState state) {
            var req = state.requirement();
            if (!req.needed()) {
                return "No verification needed (" + req.citations() + ")";
            }
            String proofs = req.proofsWith(null).stream().map(Proof::label).collect(Collectors.joining(", "));
            return req.pointsRequired() + " matched data points" + (proofs.isEmpty() ? "" : " and: " + proofs)
                    + (req.consumerConfirmationUnlessAttorney() ? " (an agent with a power of attorney needs no confirmation by the consumer)" : "")
                    + ". Under " + (req.ruleNames().isEmpty() ? "no rule: reasonable means" : req.ruleNames())
                    + (req.citations().isEmpty() ? "" : " · " + req.citations())
                    + ". If not verified: " + req.outcomeOnFailure().label() + ".";
        }
    }
}
