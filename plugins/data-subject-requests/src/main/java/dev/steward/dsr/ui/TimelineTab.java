package dev.steward.dsr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.DisplayTime;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;

import java.util.Map;

/** Everything that happened to the request, oldest first, and a note field for the team. */
@org.springframework.stereotype.Component
class TimelineTab implements RequestTab {

    private final RequestTimeline timeline;

    TimelineTab(RequestTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String label() {
        return "Timeline";
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Component create(RightsRequest request, Runnable changed) {
        Grid<RequestTimeline.Entry> grid = new Grid<>();
        grid.addColumn(e -> DisplayTime.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.kind().label()).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RequestTimeline.Entry::line).setHeader("Details").setFlexGrow(1).setTooltipGenerator(RequestTimeline.Entry::line);
        grid.addColumn(RequestTimeline.Entry::actor).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(timeline.of(request.id()));
        TextField note = new TextField();
        note.setPlaceholder("Add a note to the timeline");
        note.setWidthFull();
        Button add = new Button("Add note", e -> {
            try {
                timeline.addNote(request.id(), note.getValue());
                note.clear();
                note.setInvalid(false);
                grid.setItems(timeline.of(request.id()));
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("note", note), invalid).ifPresent(Toasts::error);
            }
        });
        HorizontalLayout noteRow = new HorizontalLayout(note, add);
        noteRow.setWidthFull();
        noteRow.setVisible(CurrentUser.hasPermission(DsrPermissions.WORK));
        VerticalLayout panel = new VerticalLayout(noteRow, grid);
        panel.setSizeFull();
        panel.setPadding(false);
        return panel;
    }
}
