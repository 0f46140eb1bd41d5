package dev.steward.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.security.PermissionCatalog;
import dev.steward.platform.security.Role;

import java.util.List;
import java.util.Locale;

/**
 * Whether the signed-in user may take an action, and which roles may: so that a screen can hide the action or
 * disable it with the reason and who can ("Only a privacy officer or a security analyst can upload files").
 * The services check the same on the server; this only says it where it matters.
 *
 * @param allowed whether the current user may take the action now
 * @param roles   the roles whose permissions include the action's permission
 * @param others  who else may, named in words ("the vendor's business owner")
 */
public record WhoCan(boolean allowed, List<Role> roles, List<String> others) {

    public WhoCan {
        roles = List.copyOf(roles);
        others = List.copyOf(others);
    }

    public WhoCan(boolean allowed, List<Role> roles) {
        this(allowed, roles, List.of());
    }

    /** The same, naming {@code who} too, e.g. the owners of a record who may change it without the role. */
    public WhoCan and(String who) {
        List<String> more = new java.util.ArrayList<>(others);
        more.add(who);
        return new WhoCan(allowed, roles, more);
    }

    /** The current user's right to {@code permission}, and the roles that hold it. */
    public static WhoCan permission(PermissionCatalog catalog, String permission) {
        return of(catalog, permission, CurrentUser.hasPermission(permission));
    }

    /** For a decision narrower than a permission (a record's owners): {@code allowed} as decided, roles of {@code permission}. */
    public static WhoCan of(PermissionCatalog catalog, String permission, boolean allowed) {
        return new WhoCan(allowed, permission == null ? List.of() : catalog.rolesHolding(permission));
    }

    /** "a privacy officer or a security analyst"; "nobody" when no role holds it and no one else is named. */
    public String who() {
        List<String> names = java.util.stream.Stream.concat(roles.stream().map(WhoCan::withArticle), others.stream()).toList();
        if (names.isEmpty()) {
            return "nobody";
        }
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** "A privacy officer" as the subject of a sentence: {@code subject() + " assesses the risk"}. */
    public String subject() {
        String who = who();
        return Character.toUpperCase(who.charAt(0)) + who.substring(1);
    }

    /** "Only a privacy officer or a security analyst can upload files". */
    public String onlyCan(String action) {
        return roles.isEmpty() && others.isEmpty() ? "You may not " + action : "Only " + who() + " can " + action;
    }

    /** Disables {@code button} unless allowed; its tooltip gives the reason. */
    public void apply(Button button, String reason) {
        button.setEnabled(allowed);
        if (!allowed) {
            button.setTooltipText(reason);
        }
    }

    /** A visible note with the reason, shown only when the user may not take the action. */
    public Paragraph note(String reason) {
        Paragraph note = new Paragraph(reason);
        note.addClassName("who-can");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        note.setVisible(!allowed);
        return note;
    }

    private static String withArticle(Role role) {
        String label = role.label().replaceAll("\\s*\\(.*\\)", "").toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
