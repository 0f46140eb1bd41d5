package dev.steward.incidents.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentPermissions;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry;
import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.ui.DisplayTime;


/** Everything that happened to the incident, in order, with who and when; notes; CSV export. */
class TimelinePanel extends VerticalLayout {

    final Grid<TimelineEntry> grid = new Grid<>();
    final TextArea note = new TextArea();
    final Button addNote = new Button("Add note");

    TimelinePanel(Timeline timeline, Incident incident) {
        setPadding(false);
        grid.addColumn(e -> DisplayTime.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(TimelineEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.kind().label()).setHeader("What").setKey("what").setAutoWidth(true);
        grid.addColumn(e -> TimeText.render(e.summary())).setHeader("Details").setKey("details").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setItems(timeline.of(incident.id()));
        note.setPlaceholder("Add a note to the timeline");
        note.setWidthFull();
        addNote.addClickListener(e -> {
            timeline.addNote(incident.id(), note.getValue());
            note.clear();
            grid.setItems(timeline.of(incident.id()));
        });
        boolean canWork = CurrentUser.hasPermission(IncidentPermissions.WORK);
        note.setVisible(canWork);
        addNote.setVisible(canWork);
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName(incident.reference() + "-timeline.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (SafeCsv csv = SafeCsv.open(event.getOutputStream(), "when", "who", "what", "details")) {
                timeline.of(incident.id()).forEach(t -> csv.row(t.at(), t.actor(), t.kind().name(), t.summary()));
            }
        }, "Export timeline (CSV)");
        add(new HorizontalLayout(export), grid, note, addNote);
    }
}
