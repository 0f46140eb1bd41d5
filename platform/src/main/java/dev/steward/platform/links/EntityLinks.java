package dev.steward.platform.links;

import dev.steward.platform.db.generated.tables.records.EntityLinkRecord;
import dev.steward.platform.events.PlatformEvents;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.EntityLinkProvider.LinkTarget;
import dev.steward.platform.spi.RecordsLinked;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.steward.platform.db.generated.Tables.ENTITY_LINK;

/**
 * Links between records of different modules, through the {@link EntityLinkProvider}s of enabled plugins. A user
 * sees a link only when they may see both of its records; they may add or remove one when they also may link at
 * least one of its two records (an analyst links their incident to a vendor they can only read). Links of a
 * disabled plugin's records are kept and shown again when it is enabled. Every link and unlink is audited by the
 * platform's record listener; every link is also published as a {@link RecordsLinked} event.
 */
@Service
public class EntityLinks {

    public static final int MAX_NOTE = 500;

    /** The records linked to one record: those the user may see, and how many others there are. */
    public record Links(List<LinkedRecord> visible, int hidden) {
    }

    private final DSLContext dsl;
    private final ExtensionRegistry registry;
    private final PlatformEvents events;
    private final dev.steward.platform.security.PermissionCatalog catalog;

    public EntityLinks(DSLContext dsl, ExtensionRegistry registry, PlatformEvents events,
                       dev.steward.platform.security.PermissionCatalog catalog) {
        this.catalog = catalog;
        this.dsl = dsl;
        this.registry = registry;
        this.events = events;
    }

    /** The kinds of record the current user may see, by type. */
    public List<EntityLinkProvider> visibleTypes() {
        return registry.contributions(EntityLinkProvider.class).stream()
                .filter(EntityLinkProvider::visibleToCurrentUser)
                .sorted(Comparator.comparing(EntityLinkProvider::label)).toList();
    }

    public Optional<EntityLinkProvider> provider(String type) {
        return visibleTypes().stream().filter(p -> p.type().equals(type)).findFirst();
    }

    /** The record as the current user may see it, or empty. */
    public Optional<LinkTarget> describe(EntityRef ref) {
        return provider(ref.type()).map(p -> p.describe(List.of(ref.id())).get(ref.id()));
    }

    /** Candidates of one type for a new link from {@code from}: records already linked to it are left out. */
    @Transactional(readOnly = true)
    public List<LinkTarget> candidates(EntityRef from, String type, String text, int limit) {
        EntityLinkProvider provider = provider(type).orElseThrow(() -> new LinkRejectedException("You may not see records of type " + type));
        Set<String> linked = linkRows(from).stream().map(r -> other(r, from)).filter(o -> o.type().equals(type))
                .map(EntityRef::id).collect(Collectors.toSet());
        return provider.find(text == null ? "" : text.trim(), limit + linked.size() + 1).stream()
                .filter(t -> !linked.contains(t.id()) && !new EntityRef(type, t.id()).equals(from)).limit(limit).toList();
    }

    @Transactional(readOnly = true)
    public Links linksOf(EntityRef ref) {
        requireVisible(ref);
        List<EntityLinkRecord> rows = linkRows(ref);
        Map<String, List<EntityLinkRecord>> byType = rows.stream().collect(Collectors.groupingBy(r -> other(r, ref).type()));
        List<LinkedRecord> visible = new ArrayList<>();
        boolean mayLinkThis = mayLink(ref);
        for (var entry : byType.entrySet()) {
            Optional<EntityLinkProvider> provider = provider(entry.getKey());
            if (provider.isEmpty()) {
                continue;
            }
            Map<String, LinkTarget> described = provider.get().describe(entry.getValue().stream().map(r -> other(r, ref).id()).toList());
            for (EntityLinkRecord row : entry.getValue()) {
                EntityRef other = other(row, ref);
                LinkTarget target = described.get(other.id());
                if (target != null) {
                    visible.add(new LinkedRecord(row.getId(), other, provider.get().label(), target, row.getNote(), row.getCreatedBy(),
                            row.getCreatedAt(), mayLinkThis || provider.get().mayLink(other.id())));
                }
            }
        }
        visible.sort(Comparator.comparing(LinkedRecord::typeLabel).thenComparing(l -> l.target().title()));
        return new Links(List.copyOf(visible), rows.size() - visible.size());
    }

    /** Links two records; both must exist and be visible, and the user must be allowed to link at least one of them. */
    @Transactional
    public LinkedRecord link(EntityRef from, EntityRef to, String note) {
        if (from.equals(to)) {
            throw new LinkRejectedException("A record cannot be linked to itself");
        }
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        if (trimmed != null && trimmed.length() > MAX_NOTE) {
            throw new LinkRejectedException("The note is " + trimmed.length() + " characters long; at most " + MAX_NOTE + " are kept");
        }
        LinkTarget fromTarget = requireVisible(from);
        LinkTarget toTarget = requireVisible(to);
        requireMayLink(from, to, fromTarget, toTarget);
        EntityRef first = from.compareTo(to) < 0 ? from : to;
        EntityRef second = first == from ? to : from;
        if (dsl.fetchExists(ENTITY_LINK, ENTITY_LINK.FIRST_TYPE.eq(first.type()), ENTITY_LINK.FIRST_ID.eq(first.id()),
                ENTITY_LINK.SECOND_TYPE.eq(second.type()), ENTITY_LINK.SECOND_ID.eq(second.id()))) {
            throw new LinkRejectedException(fromTarget.title() + " is already linked to " + toTarget.title());
        }
        EntityLinkRecord row = dsl.newRecord(ENTITY_LINK);
        row.setFirstType(first.type());
        row.setFirstId(first.id());
        row.setSecondType(second.type());
        row.setSecondId(second.id());
        row.setNote(trimmed);
        row.setCreatedBy(CurrentUser.username().orElse("system"));
        row.store();
        row.refresh();
        EntityLinkProvider fromProvider = provider(from.type()).orElseThrow();
        EntityLinkProvider toProvider = provider(to.type()).orElseThrow();
        events.publish(new RecordsLinked(row.getId(), end(from, fromProvider, fromTarget), end(to, toProvider, toTarget), trimmed,
                row.getCreatedBy()));
        return new LinkedRecord(row.getId(), to, toProvider.label(), toTarget, trimmed, row.getCreatedBy(), row.getCreatedAt(), true);
    }

    @Transactional
    public void unlink(long linkId) {
        EntityLinkRecord row = dsl.fetchOne(ENTITY_LINK, ENTITY_LINK.ID.eq(linkId));
        if (row == null) {
            throw new LinkRejectedException("That link no longer exists");
        }
        EntityRef first = new EntityRef(row.getFirstType(), row.getFirstId());
        EntityRef second = new EntityRef(row.getSecondType(), row.getSecondId());
        requireMayLink(first, second, requireVisible(first), requireVisible(second));
        row.delete();
    }

    private static RecordsLinked.End end(EntityRef ref, EntityLinkProvider provider, LinkTarget target) {
        return new RecordsLinked.End(ref, provider.label(), provider.kind(), target.title());
    }

    private List<EntityLinkRecord> linkRows(EntityRef ref) {
        return dsl.selectFrom(ENTITY_LINK)
                .where(ENTITY_LINK.FIRST_TYPE.eq(ref.type()).and(ENTITY_LINK.FIRST_ID.eq(ref.id())))
                .or(ENTITY_LINK.SECOND_TYPE.eq(ref.type()).and(ENTITY_LINK.SECOND_ID.eq(ref.id())))
                .fetch();
    }

    private static EntityRef other(EntityLinkRecord row, EntityRef self) {
        EntityRef first = new EntityRef(row.getFirstType(), row.getFirstId());
        return first.equals(self) ? new EntityRef(row.getSecondType(), row.getSecondId()) : first;
    }

    private LinkTarget requireVisible(EntityRef ref) {
        EntityLinkProvider provider = provider(ref.type())
                .orElseThrow(() -> new LinkRejectedException("Records of type " + ref.type() + " are unknown or not visible to you"));
        LinkTarget target = provider.describe(List.of(ref.id())).get(ref.id());
        if (target == null) {
            throw new LinkRejectedException("No " + provider.label().toLowerCase() + " " + ref.id() + " that you may see");
        }
        return target;
    }

    /**
     * Whether the current user may link {@code self} to anything (it, or some other type of record, is theirs to
     * change), and which roles may link records of its type: for the screen; {@link #link} checks again.
     */
    public dev.steward.platform.ui.WhoCan linkAccess(EntityRef self) {
        boolean allowed = mayLink(self) || visibleTypes().stream()
                .anyMatch(p -> dev.steward.platform.security.CurrentUser.hasPermission(p.linkPermission()));
        String permission = registry.contributions(EntityLinkProvider.class).stream().filter(p -> p.type().equals(self.type()))
                .findFirst().map(EntityLinkProvider::linkPermission).orElse(null);
        return dev.steward.platform.ui.WhoCan.of(catalog, permission, allowed);
    }

    private boolean mayLink(EntityRef ref) {
        return provider(ref.type()).map(p -> p.mayLink(ref.id())).orElse(false);
    }

    private void requireMayLink(EntityRef a, EntityRef b, LinkTarget aTarget, LinkTarget bTarget) {
        if (!mayLink(a) && !mayLink(b)) {
            throw new LinkRejectedException("You may change neither " + aTarget.title() + " nor " + bTarget.title());
        }
    }
}
