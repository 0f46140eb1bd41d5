package dev.steward.platform.files;

import dev.steward.platform.spi.AttachmentAccess;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.steward.platform.db.generated.Tables.ATTACHMENT;
import static dev.steward.platform.db.generated.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"steward.jobs.enabled=false", "steward.files.max-size=1KB"})
@WithMockUser("ivy")
class AttachmentServiceTest {

    /** The "evidence" module: "secret-*" records are closed, "frozen-*" records are read-only. */
    @TestConfiguration
    static class EvidenceModule {
        @Bean
        AttachmentAccess evidenceAccess() {
            return new AttachmentAccess() {
                public String module() {
                    return "platform";
                }

                public boolean mayRead(String type, String id) {
                    return !id.startsWith("secret");
                }

                public boolean mayWrite(String type, String id) {
                    return !id.startsWith("secret") && !id.startsWith("frozen");
                }
            };
        }
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Autowired
    AttachmentService files;
    @Autowired
    DSLContext dsl;

    static Attachment.Owner incident(String id) {
        return new Attachment.Owner("platform", "incident", id);
    }

    Attachment upload(String id, String name, byte[] bytes) throws Exception {
        return files.upload(incident(id), name, new ByteArrayInputStream(bytes));
    }

    @Test
    void an_upload_keeps_name_sniffed_type_size_hash_and_uploader_and_reads_back() throws Exception {
        Attachment a = upload("INC-1", "C:\\Users\\ivy\\report.pdf", PDF);
        assertThat(a.fileName()).isEqualTo("report.pdf");
        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(a.size()).isEqualTo(PDF.length);
        assertThat(a.sha256()).isEqualTo(dev.steward.platform.Sha256.hex(PDF)).hasSize(64);
        assertThat(a.uploadedBy()).isEqualTo("ivy");
        assertThat(files.content(a.id())).isEqualTo(PDF);
        assertThat(files.list(incident("INC-1"), false)).extracting(Attachment::id).containsExactly(a.id());
        assertThat(dsl.select(AUDIT_LOG.AFTER_DATA).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq("attachment"))
                .and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(a.id()))).fetchOne(AUDIT_LOG.AFTER_DATA))
                .contains("\"data\":\"(" + PDF.length + " bytes)\"").contains(a.sha256());
    }

    @Test
    void refused_uploads_say_why_and_store_nothing() {
        int before = dsl.fetchCount(ATTACHMENT);
        assertThatThrownBy(() -> upload("INC-2", "big.txt", "x".repeat(1025).getBytes()))
                .hasMessage("big.txt is larger than the limit of 1 KB");
        assertThatThrownBy(() -> upload("INC-2", "tool.pdf", new byte[]{'M', 'Z', 0, 0}))
                .hasMessageStartingWith("tool.pdf is a application/x-msdownload file, which is not allowed here");
        assertThatThrownBy(() -> upload("INC-2", "photo.pdf", PNG))
                .hasMessage("photo.pdf is named like a application/pdf file but its content is image/png");
        assertThatThrownBy(() -> upload("INC-2", "empty.txt", new byte[0])).hasMessage("empty.txt is empty");
        assertThat(dsl.fetchCount(ATTACHMENT)).isEqualTo(before);
    }

    @Test
    void access_follows_the_owning_record() throws Exception {
        assertThatThrownBy(() -> upload("secret-9", "a.txt", "hello".getBytes())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> upload("frozen-1", "a.txt", "hello".getBytes())).isInstanceOf(AccessDeniedException.class);
        assertThat(files.list(incident("frozen-1"), false)).isEmpty();
        Attachment mine = upload("INC-3", "note.txt", "hello".getBytes());
        dsl.update(ATTACHMENT).set(ATTACHMENT.ENTITY_ID, "secret-3").where(ATTACHMENT.ID.eq(mine.id())).execute();
        assertThatThrownBy(() -> files.content(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> files.list(new Attachment.Owner("vendors", "contract", "1"), false))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("No enabled module allows files on vendors records");
    }

    @Test
    void deleting_needs_a_reason_keeps_the_file_and_the_purge_comes_after_the_retention() throws Exception {
        Attachment a = upload("INC-4", "log.txt", "2026-06-01 login from 10.0.0.1".getBytes());
        assertThatThrownBy(() -> files.delete(a.id(), " ")).hasMessageStartingWith("Say why");
        files.delete(a.id(), "uploaded to the wrong incident");
        assertThat(files.list(incident("INC-4"), false)).isEmpty();
        assertThat(files.list(incident("INC-4"), true)).singleElement()
                .satisfies(d -> assertThat(d.deleteReason()).isEqualTo("uploaded to the wrong incident"));
        assertThatThrownBy(() -> files.content(a.id())).hasMessageContaining("was deleted on").hasMessageContaining("by ivy");
        assertThat(dsl.select(ATTACHMENT.DATA).from(ATTACHMENT).where(ATTACHMENT.ID.eq(a.id())).fetchOne().value1()).isNotNull();

        assertThat(files.purgeDeleted(Instant.now().plus(Duration.ofDays(89)))).isZero();
        assertThat(files.purgeDeleted(Instant.now().plus(Duration.ofDays(91)))).isEqualTo(1);
        var row = dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(a.id())).fetchOne();
        assertThat(row.getData()).isNull();
        assertThat(row.getPurgedAt()).isNotNull();
        assertThat(row.getSha256()).isEqualTo(a.sha256());
        assertThat(dsl.fetchExists(AUDIT_LOG, AUDIT_LOG.ACTION.eq("PURGE").and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(a.id()))))).isTrue();
    }

    @Test
    void text_csv_emails_and_office_files_are_told_apart_by_their_bytes() {
        assertThat(ContentTypes.sniff("a,b\n1,2\n".getBytes(), "x.csv")).isEqualTo("text/csv");
        assertThat(ContentTypes.sniff("Received: from mx\nSubject: hi\n\nbody".getBytes(), "mail.eml")).isEqualTo("message/rfc822");
        byte[] docx = ("PK\u0003\u0004....[Content_Types].xml....").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ContentTypes.sniff(docx, "contract.docx")).isEqualTo(ContentTypes.OOXML_WORD);
        assertThat(ContentTypes.sniff(docx, "contract.zip")).isEqualTo("application/zip");
        assertThat(ContentTypes.sniff(new byte[]{1, 2, 0, 4}, "blob.bin")).isEqualTo("application/octet-stream");
    }

    @Nested
    @TestPropertySource(properties = {"steward.files.storage=DIRECTORY", "steward.files.directory=${java.io.tmpdir}/steward-files-test"})
    class InADirectory {

        @Test
        void the_bytes_live_in_a_content_addressed_file_and_not_in_the_table() throws Exception {
            Attachment a = upload("INC-5", "scan.png", PNG);
            Path stored = files.pathOf(a.sha256());
            assertThat(stored).exists();
            assertThat(Files.readAllBytes(stored)).isEqualTo(PNG);
            assertThat(dsl.select(ATTACHMENT.DATA).from(ATTACHMENT).where(ATTACHMENT.ID.eq(a.id())).fetchOne().value1()).isNull();
            assertThat(files.content(a.id())).isEqualTo(PNG);
            files.delete(a.id(), "duplicate scan");
            files.purgeDeleted(Instant.now().plus(Duration.ofDays(91)));
            assertThat(stored).doesNotExist();
        }
    }
}
