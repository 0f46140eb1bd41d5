package dev.steward.testkit.console;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An attacker's upload, for a {@link KaribuTest}: a file sent to an {@link Upload} as Vaadin hands a request to its
 * upload handler, with any declared length and a body that never ends ({@link EndlessBody}, which counts what the
 * handler read), and the temporary upload files before and after.
 */
public final class OversizedUploads {

    public static final long MB = 1024 * 1024;

    private OversizedUploads() {
    }

    /**
     * Sends one file to the upload as Vaadin does for a request to its target URL, then lets the UI run what it
     * queued; the handler must reject it. A declared length of -1 is a request without one.
     */
    public static void sendRejected(Upload upload, String fileName, String contentType, long declaredLength, InputStream body)
            throws IOException {
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
        if (!event.isRejected()) {
            throw new AssertionError("The upload of " + fileName + " was not rejected");
        }
        MockVaadin.clientRoundtrip(false);
    }

    /** The console's temporary upload files now. */
    public static Set<Path> uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("steward-upload-")).collect(Collectors.toSet());
        }
    }

    /** A request body that never ends, counting the bytes handed out. */
    public static final class EndlessBody extends InputStream {
        private long served;

        public long served() {
            return served;
        }

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
