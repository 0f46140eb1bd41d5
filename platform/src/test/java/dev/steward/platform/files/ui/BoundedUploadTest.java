package dev.steward.platform.files.ui;

import dev.steward.platform.files.UploadedFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The size limit is enforced while an upload streams in, to an owner-only temporary file that never outlives its use. */
class BoundedUploadTest {

    private final BoundedUpload upload = BoundedUpload.limitedTo(1000, file -> { }, message -> { });

    @Test
    void a_body_that_never_ends_is_read_only_to_one_byte_past_the_limit_and_leaves_no_file() throws IOException {
        Set<Path> before = uploadFiles();
        CountingBody body = new CountingBody();

        BoundedUpload.Outcome outcome = upload.store("big.csv", -1, () -> body);

        assertThat(outcome.file()).isNull();
        assertThat(outcome.refusal()).isEqualTo("The file big.csv is larger than the limit of 1 KB");
        assertThat(body.served).isEqualTo(1001);
        assertThat(uploadFiles()).isSubsetOf(before);
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_without_opening_the_body() throws IOException {
        boolean[] opened = {false};
        BoundedUpload.Outcome outcome = BoundedUpload.limitedTo(50L * 1024 * 1024, f -> { }, m -> { })
                .store("C:\\Users\\eve\\evidence.pdf", 412L * 1024 * 1024, () -> {
                    opened[0] = true;
                    return InputStream.nullInputStream();
                });

        assertThat(opened[0]).isFalse();
        assertThat(outcome.refusal()).isEqualTo("The file evidence.pdf is 412 MB; the limit is 50 MB");
    }

    @Test
    void a_file_within_the_limit_is_kept_readable_by_its_owner_only_until_it_is_closed() throws IOException {
        byte[] content = "name,email\nAda,ada@example.org\n".getBytes(StandardCharsets.UTF_8);

        BoundedUpload.Outcome outcome = upload.store("../../etc/people.csv", content.length, () -> new ByteArrayInputStream(content));

        UploadedFile file = outcome.file();
        assertThat(outcome.refusal()).isNull();
        assertThat(file.fileName()).isEqualTo("people.csv");
        assertThat(file.size()).isEqualTo(content.length);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(content);
        if (file.path().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        }
        file.close();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void an_empty_file_and_a_file_of_exactly_the_limit_are_told_apart() throws IOException {
        assertThat(upload.store("empty.csv", 0, InputStream::nullInputStream).refusal()).isEqualTo("The file empty.csv is empty");
        try (UploadedFile exact = upload.store("exact.csv", -1, () -> new ByteArrayInputStream(new byte[1000])).file()) {
            assertThat(exact.size()).isEqualTo(1000);
        }
    }

    private static Set<Path> uploadFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("steward-upload-")).collect(Collectors.toSet());
        }
    }

    /** A body that never ends, counting what is read from it. */
    static final class CountingBody extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            served += length;
            return length;
        }
    }
}
