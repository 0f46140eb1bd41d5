package dev.steward.platform.files;

import dev.steward.platform.Sha256;
import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.db.generated.tables.records.AttachmentRecord;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.AttachmentAccess;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.steward.platform.db.generated.Tables.ATTACHMENT;

/**
 * Evidence files on any record. Every call checks the owning module's {@link AttachmentAccess} (default deny); the
 * type is sniffed from the bytes and must be allowed and match the name; SHA-256 and size are kept; deleting is
 * soft, with a reason, and the bytes are purged only after the retention period. Every change is audited.
 */
@Service
public class AttachmentService {

    static final String DEFAULT_TYPES = "application/pdf,image/png,image/jpeg,image/gif,text/plain,text/csv,application/zip,"
            + ContentTypes.OOXML_WORD + "," + ContentTypes.OOXML_EXCEL + "," + ContentTypes.OOXML_POWERPOINT
            + ",message/rfc822,application/vnd.ms-outlook,application/msword,application/vnd.ms-excel";

    private final DSLContext dsl;
    private final ExtensionRegistry registry;
    private final AuditTrail audit;
    private final dev.steward.platform.security.PermissionCatalog catalog;
    private final long maxBytes;
    private final Set<String> allowed;
    private final Duration retention;
    private final boolean inDatabase;
    private final Path directory;

    public AttachmentService(DSLContext dsl, ExtensionRegistry registry, AuditTrail audit,
                             dev.steward.platform.security.PermissionCatalog catalog,
                             @Value("${steward.files.max-size:50MB}") DataSize maxSize,
                             @Value("${steward.files.allowed-types:" + DEFAULT_TYPES + "}") Set<String> allowed,
                             @Value("${steward.files.retention:P90D}") Duration retention,
                             @Value("${steward.files.storage:DATABASE}") String storage,
                             @Value("${steward.files.directory:${steward.home:${user.home}/.steward}/files}") Path directory) {
        this.dsl = dsl;
        this.registry = registry;
        this.audit = audit;
        this.catalog = catalog;
        this.maxBytes = maxSize.toBytes();
        this.allowed = Set.copyOf(allowed);
        this.retention = retention;
        this.inDatabase = !"DIRECTORY".equalsIgnoreCase(storage);
        this.directory = directory;
    }

    /** The largest file accepted ({@code steward.files.max-size}); uploads enforce it while receiving. */
    @PreAuthorize("isAuthenticated()")
    public long maxBytes() {
        return maxBytes;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Attachment upload(Attachment.Owner owner, String fileName, InputStream content) throws IOException {
        requireAccess(owner, true);
        String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new FileRejectedException(name + " is larger than the limit of " + FileSizes.human(maxBytes));
        }
        if (bytes.length == 0) {
            throw new FileRejectedException(name + " is empty");
        }
        String type = ContentTypes.sniff(bytes, name);
        String promised = ContentTypes.promisedBy(name);
        if (!allowed.contains(type)) {
            throw new FileRejectedException(name + " is a " + type + " file, which is not allowed here; allowed are PDF, "
                    + "images, text and CSV, Office documents, ZIP archives and emails");
        }
        if (promised != null && !promised.equals(type)) {
            throw new FileRejectedException(name + " is named like a " + promised + " file but its content is " + type);
        }
        String sha256 = Sha256.hex(bytes);
        AttachmentRecord record = dsl.newRecord(ATTACHMENT);
        record.setModule(owner.module());
        record.setEntityType(owner.entityType());
        record.setEntityId(owner.entityId());
        record.setFileName(name);
        record.setContentType(type);
        record.setSizeBytes((long) bytes.length);
        record.setSha256(sha256);
        record.setStorage(inDatabase ? "DATABASE" : "DIRECTORY");
        record.setData(inDatabase ? bytes : null);
        record.setUploadedBy(CurrentUser.username().orElseThrow());
        if (!inDatabase) {
            writeToDirectory(sha256, bytes);
        }
        record.store();
        return toAttachment(record);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Attachment> list(Attachment.Owner owner, boolean includeDeleted) {
        requireAccess(owner, false);
        return dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.MODULE.eq(owner.module())).and(ATTACHMENT.ENTITY_TYPE.eq(owner.entityType()))
                .and(ATTACHMENT.ENTITY_ID.eq(owner.entityId())).and(includeDeleted ? ATTACHMENT.ID.isNotNull() : ATTACHMENT.DELETED_AT.isNull())
                .orderBy(ATTACHMENT.UPLOADED_AT.desc()).fetch(AttachmentService::toAttachment);
    }

    /** The bytes of a file the user may read on its owning record; refused once deleted. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] content(long id) {
        AttachmentRecord record = find(id);
        requireAccess(ownerOf(record), false);
        if (record.getDeletedAt() != null) {
            throw new FileRejectedException(record.getFileName() + " was deleted on " + LocalDate.ofInstant(record.getDeletedAt(), ZoneId.systemDefault())
                    + " by " + record.getDeletedBy() + ": " + record.getDeleteReason());
        }
        try {
            return inDatabase(record) ? record.getData() : Files.readAllBytes(pathOf(record.getSha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("The stored file " + record.getSha256() + " cannot be read", e);
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the file is deleted; the reason is kept with it");
        }
        AttachmentRecord record = find(id);
        requireAccess(ownerOf(record), true);
        if (record.getDeletedAt() == null) {
            record.setDeletedAt(Instant.now());
            record.setDeletedBy(CurrentUser.username().orElseThrow());
            record.setDeleteReason(reason.trim());
            record.store();
        }
    }

    /** Removes the bytes of files deleted longer ago than the retention; the rows stay as the record. Audited. */
    @Transactional
    public int purgeDeleted(Instant now) {
        var expired = dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.DELETED_AT.lt(now.minus(retention)))
                .and(ATTACHMENT.PURGED_AT.isNull()).forUpdate().fetch();
        for (AttachmentRecord record : expired) {
            if (!inDatabase(record) && !dsl.fetchExists(ATTACHMENT, ATTACHMENT.SHA256.eq(record.getSha256())
                    .and(ATTACHMENT.ID.ne(record.getId())).and(ATTACHMENT.PURGED_AT.isNull()))) {
                try {
                    Files.deleteIfExists(pathOf(record.getSha256()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dsl.update(ATTACHMENT).set(ATTACHMENT.DATA, (byte[]) null).set(ATTACHMENT.PURGED_AT, now)
                    .where(ATTACHMENT.ID.eq(record.getId())).execute();
            audit.record(AuditEvent.of(record.getModule(), "attachment", record.getId(), "PURGE")
                    .before(Map.of("fileName", record.getFileName(), "sha256", record.getSha256(), "deletedAt", record.getDeletedAt()))
                    .reason("Retention of " + retention.toDays() + " days after deletion ended"));
        }
        return expired.size();
    }

    /** Whether the current user may add and delete files on {@code owner}, and which roles may (for the screen). */
    @PreAuthorize("isAuthenticated()")
    public dev.steward.platform.ui.WhoCan writeAccess(Attachment.Owner owner) {
        return registry.contributions(AttachmentAccess.class).stream().filter(p -> p.module().equals(owner.module())).findFirst()
                .map(policy -> {
                    var who = dev.steward.platform.ui.WhoCan.of(catalog, policy.writePermission(),
                            policy.mayWrite(owner.entityType(), owner.entityId()));
                    return policy.otherWriters() == null ? who : who.and(policy.otherWriters());
                })
                .orElseGet(() -> new dev.steward.platform.ui.WhoCan(false, java.util.List.of()));
    }

    private void requireAccess(Attachment.Owner owner, boolean write) {
        AttachmentAccess policy = registry.contributions(AttachmentAccess.class).stream()
                .filter(p -> p.module().equals(owner.module())).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No enabled module allows files on " + owner.module() + " records"));
        boolean allowedNow = write ? policy.mayWrite(owner.entityType(), owner.entityId()) : policy.mayRead(owner.entityType(), owner.entityId());
        if (!allowedNow) {
            throw new AccessDeniedException("You may not " + (write ? "add or delete files on" : "see the files of") + " this record");
        }
    }

    private AttachmentRecord find(long id) {
        return dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new IllegalArgumentException("File " + id + " does not exist"));
    }

    private void writeToDirectory(String sha256, byte[] bytes) {
        Path target = pathOf(sha256);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), sha256, ".part");
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the file in " + directory, e);
        }
    }

    Path pathOf(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static boolean inDatabase(AttachmentRecord record) {
        return "DATABASE".equals(record.getStorage());
    }

    private static Attachment.Owner ownerOf(AttachmentRecord r) {
        return new Attachment.Owner(r.getModule(), r.getEntityType(), r.getEntityId());
    }

    static Attachment toAttachment(AttachmentRecord r) {
        return new Attachment(r.getId(), ownerOf(r), r.getFileName(), r.getContentType(), r.getSizeBytes(), r.getSha256(),
                r.getUploadedBy(), r.getUploadedAt() == null ? Instant.now() : r.getUploadedAt(),
                r.getDeletedAt(), r.getDeletedBy(), r.getDeleteReason());
    }
}
