package dev.steward.console.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.testkit.console.OversizedUploads.EndlessBody;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.steward.testkit.console.OversizedUploads.MB;
import static dev.steward.testkit.console.OversizedUploads.sendRejected;
import static dev.steward.testkit.console.OversizedUploads.uploadFiles;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, defect 8: an attacker sends a file far over the limit (or a body that never ends) to an upload. The
 * upload handlers the dialogs register are driven as Vaadin drives them for a request; the body is an endless stream
 * that counts what is read from it. The limit is enforced while the bytes arrive: nothing past limit + 1 bytes is
 * ever read (so no buffer of the whole body can exist), a declared length over the limit is refused before the body
 * is touched, and no temporary file is left behind.
 */
class UploadSizeAttackTest extends KaribuTest {

    @Autowired
    AttachmentService files;

    @Test
    void an_attachment_declared_at_412_mb_is_refused_before_a_single_byte_is_read() throws Exception {
        loginAs("root", Role.ADMIN);
        AttachmentsPanel panel = new AttachmentsPanel(files, new Attachment.Owner("sample", "note", "1"));
        UI.getCurrent().add(panel);
        EndlessBody body = new EndlessBody();
        Set<Path> before = uploadFiles();

        sendRejected(_get(panel, Upload.class), "evidence.pdf", "application/pdf", 412 * MB, body);

        assertThat(body.served()).isZero();
        assertThat(_find(panel, Paragraph.class).getFirst().getText()).isEqualTo("The file evidence.pdf is 412 MB; the limit is 50 MB");
        assertThat(uploadFiles()).isSubsetOf(before);
    }

    @Test
    void a_people_file_declared_over_the_limit_is_refused_before_it_is_read() throws Exception {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate("people");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        EndlessBody body = new EndlessBody();

        sendRejected(_get(Upload.class), "people.csv", "text/csv", 412 * MB, body);

        assertThat(body.served()).isZero();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("The file people.csv is 412 MB; the limit is 100 MB");
    }
}
