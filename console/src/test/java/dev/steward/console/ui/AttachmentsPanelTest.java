package dev.steward.console.ui;

import dev.steward.testkit.console.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.files.UploadedFile;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The reusable Files panel as a plugin uses it, on a sample-plugin record, with the sample plugin's access policy. */
class AttachmentsPanelTest extends KaribuTest {

    static final Attachment.Owner NOTE = new Attachment.Owner("sample", "note", "1");

    @Autowired
    AttachmentService files;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_adds_a_file_sees_its_hash_and_deletes_it_with_a_reason() {
        loginAs("root", Role.ADMIN);
        AttachmentsPanel panel = new AttachmentsPanel(files, NOTE);
        UI.getCurrent().add(panel);
        panel.receive(UploadedFile.copyOf("evidence.txt", "firewall log excerpt".getBytes(StandardCharsets.UTF_8)));
        assertThat(_find(panel, Paragraph.class).getFirst().getText()).startsWith("evidence.txt added (SHA-256 ");
        Grid<Attachment> grid = _get(panel, Grid.class);
        assertThat(GridKt._findAll(grid)).extracting(Attachment::fileName).contains("evidence.txt");

        panel.receive(UploadedFile.copyOf("run-me.txt", new byte[]{'M', 'Z', 1, 2}));
        assertThat(_find(panel, Paragraph.class).getFirst().getText()).startsWith("run-me.txt is a application/x-msdownload file");

        int row = GridKt._findAll(grid).stream().map(Attachment::fileName).toList().indexOf("evidence.txt");
        _click((Button) GridKt._getCellComponent(grid, row, "delete"));
        setValue(_get(TextField.class, spec -> spec.withLabel("Why?")), "attached to the wrong note");
        _click(_get(Button.class, spec -> spec.withText("Delete").withPredicate(b -> b.getThemeNames().contains("error"))));
        assertThat(GridKt._findAll(grid)).extracting(Attachment::fileName).doesNotContain("evidence.txt");
    }

    @Test
    void a_reader_without_write_rights_is_refused_on_the_server() {
        loginAs("ana", Role.SECURITY_ANALYST); // may read sample notes, not add files
        AttachmentsPanel panel = new AttachmentsPanel(files, NOTE);
        UI.getCurrent().add(panel);
        panel.receive(UploadedFile.copyOf("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(_find(panel, Paragraph.class).getFirst().getText()).isEqualTo("You may not add or delete files on this record");
    }

    @Test
    void a_reader_is_shown_no_upload_or_delete_and_is_told_who_can() throws Exception {
        loginAs("root", Role.ADMIN);
        files.upload(NOTE, "kept.txt", new java.io.ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)));
        loginAs("audrey", Role.AUDITOR); // may read sample notes and their files
        AttachmentsPanel panel = new AttachmentsPanel(files, NOTE);
        UI.getCurrent().add(panel);

        assertThat(upload(panel).isVisible()).isFalse();
        assertThat(_get(panel, Grid.class).getColumnByKey("delete").isVisible()).isFalse();
        assertThat(whoCan(panel).isVisible()).isTrue();
        assertThat(whoCan(panel).getText()).isEqualTo("Only an administrator can add or delete files here");
    }

    @Test
    void a_user_who_may_add_files_sees_upload_and_delete_and_no_note() {
        loginAs("root", Role.ADMIN);
        AttachmentsPanel panel = new AttachmentsPanel(files, NOTE);
        UI.getCurrent().add(panel);
        assertThat(upload(panel).isVisible()).isTrue();
        assertThat(_get(panel, Grid.class).getColumnByKey("delete").isVisible()).isTrue();
        assertThat(whoCan(panel).isVisible()).isFalse();
    }

    private static com.vaadin.flow.component.upload.Upload upload(AttachmentsPanel panel) {
        return panel.getChildren().filter(com.vaadin.flow.component.upload.Upload.class::isInstance)
                .map(com.vaadin.flow.component.upload.Upload.class::cast).findFirst().orElseThrow();
    }

    private static Paragraph whoCan(AttachmentsPanel panel) {
        return panel.getChildren().filter(c -> c.getElement().getClassList().contains("who-can"))
                .map(Paragraph.class::cast).findFirst().orElseThrow();
    }
}
