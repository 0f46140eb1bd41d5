package dev.steward.console.security;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.steward.console.ui.KaribuTest;
import dev.steward.platform.files.Attachment;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.files.ui.AttachmentsPanel;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Issue 12, defect 8: an attacker sends a file far over the limit (or a body that never ends) to an upload. The
 * upload handlers the dialogs register are driven as Vaadin drives them for a request; the body is an endless stream
 * that counts what is read from it. The limit is enforced while the bytes arrive: nothing past limit + 1 bytes is
 * ever read (so no buffer of the whole body can exist), a declared length over the limit is refused before the body
 * is touched, and no temporary file is left behind.
 */
class UploadSizeAttackTest extends KaribuTest {

    static final long MB = 1024 * 1024;

    @Autowired
    AttachmentService files;

    @Test
    void an_attachment_declared_at_412_mb_is_refused_before_a_single_byte_is_read() throws Exception {
        loginAs("root", Role.ADMIN);
        AttachmentsPanel panel = new AttachmentsPanel(files, new Attachment.Owner("sample", "note", "1"));
        UI.getCurrent().add(panel);
        EndlessBody body = new EndlessBody();
        Set<Path> before = uploadFiles();

        send(_get(panel, Upload.class), "evidence.pdf", "application/pdf", 412 * MB, body);

        assertThat(body.served).isZero();
        assertThat(_find(panel, Paragraph.class).getFirst().getText()).isEqualTo("The file evidence.pdf is 412 MB; the limit is 50 MB");
        assertThat(uploadFiles()).isSubsetOf(before);
    }

    @Test
    void a_people_file_declared_over_the_limit_is_refused_before_it_is_read() throws Exception {
        loginAs("root", Role.ADMIN);
        UI.getCurrent().navigate("people");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        EndlessBody body = new EndlessBody();

        send(_get(Upload.class), "people.csv", "text/csv", 412 * MB, body);

        assertThat(body.served).isZero();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("The file people.csv is 412 MB; the limit is 100 MB");
    }

    @Test
    void a_vendor_file_without_a_declared_length_is_cut_off_one_byte_past_the_limit_and_deleted() throws Exception {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate("vendors");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        EndlessBody body = new EndlessBody();
        Set<Path> before = uploadFiles();

        send(_get(Upload.class), "vendors.csv", "text/csv", -1, body);

        assertThat(body.served).as("bytes read from the request").isLessThanOrEqualTo(20 * MB + 1).isGreaterThan(20 * MB);
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("The file vendors.csv is larger than the limit of 20 MB");
        assertThat(uploadFiles()).as("temporary files left").isSubsetOf(before);
    }

    /** Sends one file to the upload as Vaadin does for a request to its target URL, then lets the UI run what it queued. */
    private static void send(Upload upload, String fileName, String contentType, long declaredLength, InputStream body) throws IOException {
        MockVaadin.clientRoundtrip(false); // the upload's target is registered before the response
        VaadinSession session = VaadinSession.getCurrent();
        URI target = URI.create(upload.getElement().getAttribute("target"));
        UploadHandler handler = (UploadHandler) session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, target).orElseThrow().getElementRequestHandler();
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(body);
        when(request.getContentLengthLong()).thenReturn(declaredLength);
        UploadEvent event = new UploadEvent(request, mock(VaadinResponse.class), session, fileName, declaredLength, contentType,
                upload.getElement(), null);
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isTrue();
        MockVaadin.clientRoundtrip(false);
    }

    private static Set<Path> uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("steward-upload-")).collect(Collectors.toSet());
        }
    }

    /** A request body that never ends, counting the bytes handed out. */
    static final class EndlessBody extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'a');
            served += length;
            return length;
        }
    }
}
