package dev.steward.reviews.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which column of a file holds which field. Account and entitlement are required; the others are optional (null).
 * {@link #guess} proposes a mapping from the header; the user corrects it before the preview. The status column holds
 * the source's word for the account's state (see {@link SourceValues}).
 */
public record ColumnMapping(String account, String entitlement, String employeeId, String email, String displayName,
                            String lastLogin, String grantedVia, String status) {

    /** A mapping without the status column. */
    public ColumnMapping(String account, String entitlement, String employeeId, String email, String displayName,
                         String lastLogin, String grantedVia) {
        this(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia, null);
    }

    /** A mapping without the "how granted" and status columns. */
    public ColumnMapping(String account, String entitlement, String employeeId, String email, String displayName, String lastLogin) {
        this(account, entitlement, employeeId, email, displayName, lastLogin, null, null);
    }

    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "account", List.of("account", "account_name", "username", "user", "login", "samaccountname", "uid"),
            "entitlement", List.of("entitlement", "group", "role", "permission", "privilege", "access"),
            "employeeId", List.of("employee_id", "employeeid", "employee", "personnel_number", "staff_id"),
            "email", List.of("email", "mail", "e-mail", "email_address"),
            "displayName", List.of("display_name", "displayname", "name", "full_name", "cn"),
            "lastLogin", List.of("last_login", "lastlogin", "last_logon", "lastlogontimestamp", "last_sign_in"),
            "grantedVia", List.of("granted_via", "how_granted", "assigned_via", "assignment", "grant_source", "inherited_from"),
            "status", List.of("status", "account_status", "user_status", "state", "enabled", "accountenabled", "account_enabled"));

    private static final List<String> FIELDS = List.of("account", "entitlement", "employeeId", "email", "displayName",
            "lastLogin", "grantedVia", "status");

    public static ColumnMapping guess(List<String> header) {
        return guess(header, Map.of());
    }

    /** The columns a source names exactly ({@code exact}, per field) win over the usual synonyms. */
    static ColumnMapping guess(List<String> header, Map<String, List<String>> exact) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String field : FIELDS) {
            exact.getOrDefault(field, List.of()).stream().filter(header::contains).findFirst()
                    .or(() -> header.stream().filter(h -> SYNONYMS.get(field).contains(h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')))
                            .findFirst())
                    .ifPresent(h -> found.put(field, h));
        }
        return of(found);
    }

    private static ColumnMapping of(Map<String, String> byField) {
        return new ColumnMapping(byField.get("account"), byField.get("entitlement"), byField.get("employeeId"), byField.get("email"),
                byField.get("displayName"), byField.get("lastLogin"), byField.get("grantedVia"), byField.get("status"));
    }

    private List<String> columns() {
        return java.util.Arrays.asList(account, entitlement, employeeId, email, displayName, lastLogin, grantedVia, status);
    }

    /** The mapping as "field=column" lines, as an import keeps it. */
    String toText() {
        Properties properties = new Properties();
        List<String> columns = columns();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (columns.get(i) != null) {
                properties.setProperty(FIELDS.get(i), columns.get(i));
            }
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the first line is the date Properties writes: not part of the mapping
        return text.toString().lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    /** A mapping kept by {@link #toText()}. */
    static ColumnMapping fromText(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> byField = new LinkedHashMap<>();
        FIELDS.forEach(field -> byField.put(field, properties.getProperty(field)));
        return of(byField);
    }

    /** Whether every column this mapping names is in the header (a remembered mapping fits the new file). */
    public boolean fits(List<String> header) {
        return columns().stream().allMatch(column -> column == null || header.contains(column));
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
        for (String column : columns()) {
            if (column != null && !header.contains(column)) {
                problems.add("The file has no column " + column);
            }
        }
        return problems;
    }
}
