package dev.steward.platform.export.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import dev.steward.testkit.console.KaribuTest;
import dev.steward.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** An export's temporary file is readable by the console only and lives no longer than its one download or its dialog. */
@SpringBootTest(classes = dev.steward.console.StewardApplication.class)
class ExportDialogTest extends KaribuTest {

    private static ExportDialog export(ExportDialog.Job job) throws Exception {
        ExportDialog dialog = new ExportDialog("People", "people.csv", "text/csv", 1, job);
        dialog.open();
        dialog.completion().get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false);
        return dialog;
    }

    @Test
    void the_file_is_owner_only_and_gone_as_soon_as_it_was_downloaded() throws Exception {
        loginAs("ann", Role.PRIVACY_OFFICER);
        ExportDialog dialog = export((out, progress) -> out.write("employee_id\nE1\n".getBytes(StandardCharsets.UTF_8)));
        Path file = dialog.file().orElseThrow();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        ByteArrayOutputStream browser = new ByteArrayOutputStream();
        dialog.downloadHandler.handleDownloadRequest(download(dialog, browser));
        MockVaadin.clientRoundtrip(false);

        assertThat(browser.toString(StandardCharsets.UTF_8)).isEqualTo("employee_id\nE1\n");
        assertThat(file).doesNotExist();
        assertThat(dialog.download.isVisible()).isFalse();
        assertThat(dialog.status.getText()).isEqualTo("Downloaded. Run the export again for another copy.");
    }

    @Test
    void closing_the_dialog_without_downloading_deletes_the_file() throws Exception {
        loginAs("ann", Role.PRIVACY_OFFICER);
        ExportDialog dialog = export((out, progress) -> out.write("x\n".getBytes(StandardCharsets.UTF_8)));
        Path file = dialog.file().orElseThrow();

        dialog.close();
        MockVaadin.clientRoundtrip(false);

        assertThat(file).doesNotExist();
    }

    @Test
    void a_failed_export_leaves_no_file() throws Exception {
        loginAs("ann", Role.PRIVACY_OFFICER);
        ExportDialog dialog = export((out, progress) -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the database went away");
        });

        assertThat(dialog.file).doesNotExist();
        assertThat(dialog.status.getText()).isEqualTo("The export failed: the database went away");
    }

    private static DownloadEvent download(ExportDialog dialog, ByteArrayOutputStream browser) throws IOException {
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(browser);
        return new DownloadEvent(mock(VaadinRequest.class), response, VaadinSession.getCurrent(), dialog.download.getElement());
    }
}
