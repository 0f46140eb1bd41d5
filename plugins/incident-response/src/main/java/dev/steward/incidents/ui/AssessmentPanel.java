package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.steward.incidents.Incident;
import dev.steward.incidents.Phase;
import dev.steward.incidents.RiskLevel;
import dev.steward.incidents.assessment.AssessmentService;
import dev.steward.incidents.assessment.EnisaAssessment;
import dev.steward.incidents.assessment.EnisaInput;
import dev.steward.incidents.assessment.EnisaScore;
import dev.steward.incidents.assessment.HipaaAssessment;
import dev.steward.platform.ui.WhoCan;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.Toasts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** ENISA severity with its reasoning, the HIPAA four factors for PHI, and the risk conclusion that drives the notices. */
class AssessmentPanel extends VerticalLayout {

    private static final Map<Integer, String> DPC = Map.of(1, "1 · simple data", 2, "2 · behavioural data", 3, "3 · financial data",
            4, "4 · sensitive data");
    private static final List<BigDecimal> EASE = List.of(new BigDecimal("0.25"), new BigDecimal("0.50"), new BigDecimal("0.75"), new BigDecimal("1.00"));
    private static final List<BigDecimal> CIRCUMSTANCE = List.of(new BigDecimal("0.00"), new BigDecimal("0.25"), new BigDecimal("0.50"));

    final RadioButtonGroup<RiskLevel> risk = new RadioButtonGroup<>("Risk to individuals");
    final TextArea riskReasoning = new TextArea("Reasoning (likelihood and severity of the consequences)");
    final Button conclude = new Button("Record conclusion");

    final Select<Integer> dpcBasic = new Select<>();
    final BigDecimalField dpc = new BigDecimalField("Final DPC (adjusted for context, 1 to 4)");
    final TextArea dpcReason = new TextArea("Why this DPC");
    final Select<BigDecimal> ei = new Select<>();
    final TextArea eiReason = new TextArea("Why this ease of identification");
    final Select<BigDecimal> cbConfidentiality = circumstance("Loss of confidentiality");
    final Select<BigDecimal> cbIntegrity = circumstance("Loss of integrity");
    final Select<BigDecimal> cbAvailability = circumstance("Loss of availability");
    final Checkbox cbMalicious = new Checkbox("Malicious intent (+0.5)");
    final TextArea cbReason = new TextArea("Circumstances of the breach");
    final Paragraph preview = new Paragraph();
    final Button assess = new Button("Save severity assessment");
    final Grid<EnisaAssessment> history = new Grid<>();

    final TextArea hipaaNature = new TextArea("1. Nature and extent of the PHI (identifiers, likelihood of re-identification)");
    final TextArea hipaaPerson = new TextArea("2. The unauthorised person who used the PHI or to whom it was disclosed");
    final TextArea hipaaAcquired = new TextArea("3. Whether the PHI was actually acquired or viewed");
    final TextArea hipaaMitigation = new TextArea("4. The extent to which the risk has been mitigated");
    final Checkbox hipaaLow = new Checkbox("Low probability that the PHI has been compromised (not a reportable breach)");
    final Button hipaaSave = new Button("Save HIPAA assessment");
    final Paragraph whoAssesses;

    AssessmentPanel(AssessmentService assessments, Incident incident, WhoCan mayAssess, Runnable changed) {
        setPadding(false);
        boolean canAssess = mayAssess.allowed() && incident.phase() != Phase.CLOSED;
        whoAssesses = mayAssess.note(mayAssess.subject() + " assesses the risk to individuals and the severity; "
                + "what they conclude appears here.");
        add(whoAssesses);

        risk.setItems(RiskLevel.values());
        risk.setItemLabelGenerator(RiskLevel::label);
        risk.setValue(incident.risk());
        riskReasoning.setValue(incident.riskReasoning() == null ? "" : incident.riskReasoning());
        riskReasoning.setWidthFull();
        conclude.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        conclude.addClickListener(e -> {
            List<String> changes = assessments.concludeRisk(incident.id(), incident.version(), risk.getValue(), riskReasoning.getValue());
            Toasts.success(changes.isEmpty() ? "Conclusion recorded"
                    : "Conclusion recorded; obligations: " + TimeText.render(String.join("; ", changes)));
            changed.run();
        });
        add(new H4("Risk to individuals"), risk, riskReasoning, conclude);

        dpcBasic.setLabel("Data processing context (basic score)");
        dpcBasic.setItems(1, 2, 3, 4);
        dpcBasic.setItemLabelGenerator(DPC::get);
        dpcBasic.addValueChangeListener(e -> {
            if (e.getValue() != null && (dpc.getValue() == null || e.getOldValue() != null && dpc.getValue().compareTo(BigDecimal.valueOf(e.getOldValue())) == 0)) {
                dpc.setValue(BigDecimal.valueOf(e.getValue()));
            }
        });
        ei.setLabel("Ease of identification");
        ei.setItems(EASE);
        ei.setItemLabelGenerator(v -> switch (v.toPlainString()) {
            case "0.25" -> "0.25 · negligible";
            case "0.50" -> "0.5 · limited";
            case "0.75" -> "0.75 · significant";
            default -> "1 · maximum";
        });
        List.of(dpcBasic, ei, cbConfidentiality, cbIntegrity, cbAvailability).forEach(s -> s.addValueChangeListener(e -> updatePreview()));
        dpc.addValueChangeListener(e -> updatePreview());
        cbMalicious.addValueChangeListener(e -> updatePreview());
        assess.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assess.addClickListener(e -> {
            EnisaAssessment saved = assessments.assessSeverity(incident.id(), input());
            Toasts.success("Severity " + saved.result().score().toPlainString() + " · " + saved.result().band().label());
            changed.run();
        });
        history.addColumn(a -> DisplayTime.format(a.assessedAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(EnisaAssessment::assessedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(a -> a.result().score().toPlainString() + " · " + a.result().band().label()).setHeader("Severity").setAutoWidth(true);
        history.addColumn(a -> a.input().formula()).setHeader("Inputs").setAutoWidth(true);
        history.addColumn(a -> String.join(" / ", nonBlank(a.input().dpcReason(), a.input().eiReason(), a.input().cbReason())))
                .setHeader("Reasoning").setFlexGrow(1);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No severity assessment yet");
        history.setItems(assessments.severityHistory(incident.id()));
        FormLayout enisa = new FormLayout(dpcBasic, dpc, dpcReason, ei, eiReason, cbConfidentiality, cbIntegrity, cbAvailability,
                cbMalicious, cbReason);
        add(new H4("Severity (ENISA: SE = DPC × EI + CB)"), enisa, preview, assess, history);
        enisa.setVisible(canAssess);
        assess.setVisible(canAssess);

        if (incident.facts().isPhi()) {
            assessments.latestHipaa(incident.id()).ifPresent(this::showHipaa);
            hipaaSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            hipaaSave.addClickListener(e -> {
                assessments.assessHipaa(incident.id(), new HipaaAssessment(hipaaNature.getValue(), hipaaPerson.getValue(),
                        hipaaAcquired.getValue(), hipaaMitigation.getValue(), hipaaLow.getValue(), null, null));
                Toasts.success("HIPAA assessment saved");
                changed.run();
            });
            List.of(hipaaNature, hipaaPerson, hipaaAcquired, hipaaMitigation).forEach(t -> {
                t.setWidthFull();
                t.setReadOnly(!canAssess);
            });
            hipaaLow.setReadOnly(!canAssess);
            hipaaSave.setVisible(canAssess);
            add(new H4("HIPAA four-factor risk assessment (45 CFR 164.402)"), hipaaNature, hipaaPerson, hipaaAcquired, hipaaMitigation, hipaaLow, hipaaSave);
        }
        risk.setReadOnly(!canAssess);
        riskReasoning.setReadOnly(!canAssess);
        conclude.setVisible(canAssess);
    }

    EnisaInput input() {
        return new EnisaInput(dpcBasic.getValue() == null ? 0 : dpcBasic.getValue(), dpc.getValue(), dpcReason.getValue(),
                ei.getValue(), eiReason.getValue(), cbConfidentiality.getValue(), cbIntegrity.getValue(), cbAvailability.getValue(),
                cbMalicious.getValue(), cbReason.getValue());
    }

    private void updatePreview() {
        EnisaInput input = input();
        List<String> problems = input.problems();
        preview.setText(problems.isEmpty() ? "Severity " + EnisaScore.of(input).score().toPlainString() + " · "
                + EnisaScore.of(input).band().label() : String.join("; ", problems));
    }

    private void showHipaa(HipaaAssessment h) {
        hipaaNature.setValue(h.natureAndExtent());
        hipaaPerson.setValue(h.unauthorisedPerson());
        hipaaAcquired.setValue(h.acquiredOrViewed());
        hipaaMitigation.setValue(h.mitigation());
        hipaaLow.setValue(h.lowProbability());
    }

    private static Select<BigDecimal> circumstance(String label) {
        Select<BigDecimal> select = new Select<>();
        select.setLabel(label);
        select.setItems(CIRCUMSTANCE);
        select.setItemLabelGenerator(v -> "+" + v.stripTrailingZeros().toPlainString());
        select.setValue(CIRCUMSTANCE.getFirst());
        return select;
    }

    private static List<String> nonBlank(String... texts) {
        return java.util.Arrays.stream(texts).filter(t -> t != null && !t.isBlank()).toList();
    }
}
