package dev.steward.reviews.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a file holds which field. Account and entitlement are required; the others are optional (null).
 * {@link #guess} proposes a mapping from the header; the user corrects it before the preview.
 */
public record ColumnMapping(String account, String entitlement, String employeeId, String email, String displayName,
                            String lastLogin, String grantedVia) {

    /** A mapping without the "how granted" column. */
    public ColumnMapping(String account, String entitlement, String employeeId, String email, String displayName, String lastLogin) {
        this(account, entitlement, employeeId, email, displayName, lastLogin, null);
    }

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "account", List.of("account", "account_name", "username", "user", "login", "samaccountname", "uid"),
            "entitlement", List.of("entitlement", "group", "role", "permission", "privilege", "access"),
            "employeeId", List.of("employee_id", "employeeid", "employee", "personnel_number", "staff_id"),
            "email", List.of("email", "mail", "e-mail", "email_address"),
            "displayName", List.of("display_name", "displayname", "name", "full_name", "cn"),
            "lastLogin", List.of("last_login", "lastlogin", "last_logon", "lastlogontimestamp", "last_sign_in"),
            "grantedVia", List.of("granted_via", "how_granted", "assigned_via", "assignment", "grant_source", "inherited_from"));

    public static ColumnMapping guess(List<String> header) {
        Map<String, String> found = new LinkedHashMap<>();
        SYNONYMS.forEach((field, names) -> header.stream()
                .filter(h -> names.contains(h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')))
                .findFirst().ifPresent(h -> found.put(field, h)));
        return new ColumnMapping(found.get("account"), found.get("entitlement"), found.get("employeeId"), found.get("email"),
                found.get("displayName"), found.get("lastLogin"), found.get("grantedVia"));
    }

    /** The mapped columns missing from the header (account and entitlement must be mapped at all). */
    List<String> problems(List<String> header) {
        List<String> problems = new ArrayList<>();
        if (account == null) {
            problems.add("Choose the column that holds the account name");
        }
        if (entitlement == null) {
            problems.add("Choose the column that holds the entitlement");
        }
        for (String column : new String[]{account, entitlement, employeeId, email, displayName, lastLogin, grantedVia}) {
            if (column != null && !header.contains(column)) {
                problems.add("The file has no column " + column);
            }
        }
        return problems;
    }
}
