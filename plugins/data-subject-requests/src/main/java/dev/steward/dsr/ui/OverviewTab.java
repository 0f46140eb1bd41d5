package dev.steward.dsr.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.ui.DisplayTime;

import java.util.stream.Collectors;

/** What was asked, by whom, how it came and under which law. */
@org.springframework.stereotype.Component
class OverviewTab implements RequestTab {

    @Override
    public String label() {
        return "Overview";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public com.vaadin.flow.component.Component create(RightsRequest r, Runnable changed) {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        form.addFormItem(new Span(r.types().stream().sorted().map(RequestType::label).collect(Collectors.joining(", "))), "Asks for");
        form.addFormItem(new Span(r.regime().label() + " (" + r.jurisdiction() + ")"), "Answered under");
        form.addFormItem(new Span(r.channel().label() + (r.receivedVia() == null ? "" : " · " + r.receivedVia())), "Came by");
        form.addFormItem(new Span(DisplayTime.format(r.receivedAt())), "Received");
        if (r.purged()) {
            form.addFormItem(new Span("Purged " + DisplayTime.date(r.purgedAt()) + " at the end of its retention period"), "Requester");
        } else {
            form.addFormItem(new Span(r.requester().name()), "Requester");
            form.addFormItem(new Span(contact(r)), "Contact");
        }
        form.addFormItem(new Span(r.onBehalf() == OnBehalf.SELF ? r.onBehalf().label()
                : r.onBehalf().label() + ": " + r.agentName() + (r.agentEmail() == null ? "" : " <" + r.agentEmail() + ">")), "Made by");
        form.addFormItem(new Span(r.assignee() == null ? "Nobody yet" : r.assignee()), "Handled by");
        if (r.details() != null) {
            Span details = new Span(r.details());
            details.getStyle().set("white-space", "pre-wrap");
            form.addFormItem(details, "In their words");
        }
        return form;
    }

    private static String contact(RightsRequest r) {
        return java.util.stream.Stream.of(r.requester().email(), r.requester().phone(), r.requester().address())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(" · "));
    }
}
