package dev.steward.platform.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extension point: a kind of record other modules can link to (an incident involves a vendor; a vendor's service
 * runs on a system). The owning plugin says how to find and describe its records; the platform keeps the links
 * ({@link dev.steward.platform.links.EntityLinks}) and shows them on any record's page. Only users holding
 * {@link #requiredPermission()} see records of this type, and only while the plugin is enabled; {@link #find} and
 * {@link #describe} must still apply the module's own data-level rules. Called in the current user's security context.
 */
public interface EntityLinkProvider {

    /** The type of record, unique across modules: {@code <plugin id>.<entity>}, e.g. {@code incidents.incident}. */
    String type();

    /** What one record is called, e.g. "Incident". */
    String label();

    /** Needed to see these records, and so their links. */
    String requiredPermission();

    /**
     * Whether the current user may see records of this type at all (by default: holds {@link #requiredPermission()});
     * a module whose records are also open to their owners widens it, and narrows {@link #find} and {@link #describe}.
     */
    default boolean visibleToCurrentUser() {
        return dev.steward.platform.security.CurrentUser.hasPermission(requiredPermission());
    }

    /** Needed to link or unlink one of these records (on top of seeing both ends). */
    String linkPermission();

    /** What sort of thing these records are, so that other modules can pre-fill what they create from one. */
    default Kind kind() {
        return Kind.OTHER;
    }

    /** Whether the current user may link or unlink this record; a module with owners narrows it to its owners. */
    default boolean mayLink(String id) {
        return dev.steward.platform.security.CurrentUser.hasPermission(linkPermission());
    }

    /** Records whose name or reference matches {@code text}, best first: candidates for a new link. */
    List<LinkTarget> find(String text, int limit);

    /** The records among {@code ids} that exist and the user may see; the others are left out. */
    Map<String, LinkTarget> describe(Collection<String> ids);

    /**
     * The route of a form that creates a new record of this type already linked to {@code from} (a vendor's
     * breach opens a pre-filled incident), or empty when records of this type are not created that way.
     */
    default Optional<String> newLinkedRecordRoute(String fromType, String fromId) {
        return Optional.empty();
    }

    /** Needed to create a record through {@link #newLinkedRecordRoute}. */
    default String createPermission() {
        return linkPermission();
    }

    /** The ids that are numbers (a module with numeric keys ignores the others: they name nothing of its). */
    static List<Long> numericIds(Collection<String> ids) {
        return ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }

    enum Kind {
        /** An outside organisation: a vendor, a processor, a partner. */
        THIRD_PARTY,
        /** An application or system holding data. */
        SYSTEM,
        /** A case worked by a team: an incident, a request. */
        CASE,
        OTHER
    }

    /**
     * @param route the console route of the record, e.g. {@code incidents/42}
     */
    record LinkTarget(String id, String title, String detail, String route) {
    }
}
