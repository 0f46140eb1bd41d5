package dev.steward.dsr.ui;

import dev.steward.dsr.intake.OfficerIntake;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;

/** The request's files: the original letter or email it came as, and what the team adds. */
@org.springframework.stereotype.Component
class FilesTab implements RequestTab {

    private final AttachmentService files;
    private final OfficerIntake intake;

    FilesTab(AttachmentService files, OfficerIntake intake) {
        this.files = files;
        this.intake = intake;
    }

    @Override
    public String label() {
        return "Files";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public com.vaadin.flow.component.Component create(RightsRequest r, Runnable changed) {
        return new AttachmentsPanel(files, intake.filesOf(r.id()));
    }
}
