package dev.steward.reviews.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads the groups under the base DN (paged), then, group by group in name order, their members: a member that is
 * one of these groups or any other group entry is expanded (transitively, each group once per outer group, so cycles
 * end) and its users count as members of the outer group; every other member entry is read once and must be a user
 * (have the user id attribute). A member whose entry cannot be read is a problem naming its DN, and so is a second
 * entry with an account name already read; every problem of the directory is found in one read. Rows come out in a
 * stable order (group name, then account name), so two reads of an unchanged directory give the same rows.
 */
final class LdapReader {

    static final int PAGE_SIZE = 500;
    static final int MAX_PROBLEMS = 100;
    private static final Set<String> GROUP_CLASSES = Set.of("groupofnames", "groupofuniquenames", "group", "groupofurls");

    private record Group(String dn, String name, List<String> members) {
    }

    /** A member entry, read once: a user, a group outside the base (its members), or unreadable (reported). */
    private sealed interface Member permits User, NestedGroup, Unusable {
    }

    private record User(String dn, String account, String employeeId, String email, String displayName, java.time.Instant lastLogin)
            implements Member {
    }

    private record NestedGroup(List<String> members) implements Member {
    }

    private record Unusable() implements Member {
    }

    private final LDAPConnection connection;
    private final LdapSettings s;
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private final List<LdapProblem> problems = new ArrayList<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, Member> entries = new HashMap<>();
    /** The DN of the first user entry read with each account name: a second entry with the name is a problem. */
    private final Map<String, String> accountDns = new HashMap<>();
    private final String[] memberAttributes;

    LdapReader(LDAPConnection connection, LdapSettings settings, LongConsumer progress, BooleanSupplier cancelled) {
        this.connection = connection;
        this.s = settings;
        this.progress = progress;
        this.cancelled = cancelled;
        List<String> attributes = new ArrayList<>(List.of("objectClass", s.memberAttribute(), s.userIdAttribute()));
        for (String optional : new String[]{s.employeeIdAttribute(), s.emailAttribute(), s.displayNameAttribute(), s.lastLoginAttribute()}) {
            if (optional != null) {
                attributes.add(optional);
            }
        }
        this.memberAttributes = attributes.toArray(String[]::new);
    }

    /**
     * Sends every membership to {@code rows}; returns the problems (none: the rows are the directory's whole truth).
     * Every group is read even after a problem, so that all problems (up to {@link #MAX_PROBLEMS}) are reported at
     * once; from the first problem on no row is sent, as the import will be refused anyway.
     */
    List<LdapProblem> read(Consumer<Membership> rows, long maxRows) throws LDAPException {
        readGroups();
        long count = 0;
        List<Group> byName = new ArrayList<>(groups.values());
        byName.sort(Comparator.comparing(Group::name).thenComparing(Group::dn));
        for (Group group : byName) {
            Map<User, String> via = usersOf(group);
            List<User> users = new ArrayList<>(via.keySet());
            users.sort(Comparator.comparing(User::account).thenComparing(User::dn));
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            if (!problems.isEmpty()) {
                continue; // keep reading for more problems, but stage nothing that will be rejected anyway
            }
            for (User user : users) {
                if (++count > maxRows) {
                    problems.add(new LdapProblem(null, "The directory has more than " + maxRows + " memberships under "
                            + s.groupBaseDn() + "; narrow the base DN or filter"));
                    return problems;
                }
                rows.accept(new Membership(user.dn(), user.account(), group.name(), user.employeeId(), user.email(),
                        user.displayName(), user.lastLogin(), via.get(user)));
            }
            progress.accept(count);
        }
        if (problems.isEmpty() && groups.isEmpty()) {
            problems.add(new LdapProblem(null, "No group under " + s.groupBaseDn() + " matches " + s.groupFilter()));
        }
        return problems;
    }

    private void readGroups() throws LDAPException {
        Map<String, String> dnByName = new HashMap<>();
        SearchRequest request = new SearchRequest(s.groupBaseDn(), SearchScope.SUB, Filter.create(s.groupFilter()),
                s.groupNameAttribute(), s.memberAttribute());
        ASN1OctetString cookie = null;
        do {
            checkCancelled();
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
            SearchResult page = connection.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                String name = naming(entry, s.groupNameAttribute());
                if (name == null) {
                    problem(entry.getDN(), "The group " + entry.getDN() + " has no " + s.groupNameAttribute() + " to name it by");
                    continue;
                }
                if (name.length() > 300) {
                    problem(entry.getDN(), "The name of the group " + entry.getDN() + " is longer than 300 characters");
                    continue;
                }
                String other = dnByName.putIfAbsent(name, entry.getDN());
                if (other != null) {
                    problem(entry.getDN(), "Two groups are named " + name + ": " + other + " and " + entry.getDN()
                            + "; narrow the base DN or filter, or name groups by another attribute");
                    continue;
                }
                String[] members = entry.getAttributeValues(s.memberAttribute());
                groups.put(normalized(entry.getDN()), new Group(entry.getDN(), name, members == null ? List.of() : List.of(members)));
            }
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(page);
            cookie = paging != null && paging.moreResultsToReturn() ? paging.getCookie() : null;
        } while (cookie != null);
    }

    /**
     * The users of a group, nested groups expanded, each with how they hold it: "direct member", or "via" the
     * nested group they are a member of (breadth first, so the shortest way wins). Each group is entered once, so
     * membership cycles end.
     */
    private Map<User, String> usersOf(Group group) throws LDAPException {
        Map<User, String> users = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>(Set.of(normalized(group.dn())));
        Deque<String[]> pending = new ArrayDeque<>(); // {member value, the group it was found in}
        group.members().forEach(m -> pending.add(new String[]{m, group.dn()}));
        while (!pending.isEmpty()) {
            String[] next = pending.poll();
            String value = next[0].strip();
            if (value.isEmpty()) {
                continue; // the empty DN some directories keep as a placeholder member
            }
            String key = normalizedOrNull(value);
            if (key == null) {
                problem(value, "The group " + next[1] + " has a member that is not a DN: " + value
                        + " (the member attribute must hold DNs, like member or uniqueMember)");
                continue;
            }
            if (!visited.add(key)) {
                continue;
            }
            Group nested = groups.get(key);
            List<String> nestedMembers = nested != null ? nested.members()
                    : member(value, key, next[1]) instanceof NestedGroup g ? g.members() : null;
            if (nestedMembers != null) {
                nestedMembers.forEach(m -> pending.add(new String[]{m, value}));
            } else if (entries.get(key) instanceof User user) {
                users.putIfAbsent(user, next[1].equals(group.dn()) ? "direct member" : "via group " + groupName(next[1]));
            }
        }
        return users;
    }

    /** A group's name by its DN: the name it was read under, or else the value of its first RDN. */
    private String groupName(String dn) {
        Group known = groups.get(normalizedOrNull(dn));
        if (known != null) {
            return known.name();
        }
        try {
            return new com.unboundid.ldap.sdk.DN(dn).getRDN().getAttributeValues()[0];
        } catch (LDAPException notADn) {
            return dn;
        }
    }

    /** The member entry, read once. */
    private Member member(String dn, String key, String groupDn) throws LDAPException {
        Member known = entries.get(key);
        if (known != null) {
            return known;
        }
        checkCancelled();
        Member read;
        SearchResultEntry entry = null;
        try {
            entry = connection.getEntry(dn, memberAttributes);
        } catch (LDAPException e) {
            if (LdapConnector.connectionLost(e)) {
                throw e;
            }
        }
        if (entry == null) {
            problem(dn, dn + " (member of " + groupDn + ") cannot be read: it does not exist, or the bind DN may not read it");
            read = new Unusable();
        } else {
            read = classify(entry, groupDn);
        }
        entries.put(key, read);
        return read;
    }

    private Member classify(Entry entry, String groupDn) {
        String account = naming(entry, s.userIdAttribute());
        if (account == null) {
            String[] classes = entry.getObjectClassValues();
            boolean group = entry.hasAttribute(s.memberAttribute()) || classes != null
                    && java.util.Arrays.stream(classes).anyMatch(c -> GROUP_CLASSES.contains(c.toLowerCase(java.util.Locale.ROOT)));
            if (group) {
                String[] members = entry.getAttributeValues(s.memberAttribute());
                return new NestedGroup(members == null ? List.of() : List.of(members));
            }
            problem(entry.getDN(), entry.getDN() + " (member of " + groupDn + ") is neither a user (it has no "
                    + s.userIdAttribute() + ") nor a group");
            return new Unusable();
        }
        int before = problems.size();
        String dn = entry.getDN();
        String accountName = limited(dn, s.userIdAttribute(), account, 200);
        String employeeId = limited(dn, s.employeeIdAttribute(), value(entry, s.employeeIdAttribute()), 50);
        String email = limited(dn, s.emailAttribute(), value(entry, s.emailAttribute()), 254);
        String displayName = limited(dn, s.displayNameAttribute(), value(entry, s.displayNameAttribute()), 200);
        java.time.Instant lastLogin = null;
        String login = value(entry, s.lastLoginAttribute());
        if (login != null) {
            lastLogin = LdapTimes.instant(login);
            if (lastLogin == null && !LdapTimes.never(login)) {
                problem(dn, "The " + s.lastLoginAttribute() + " of " + dn + " is not a time: " + login
                        + " (expected LDAP generalized time such as 20261101083000Z)");
            }
        }
        if (problems.size() > before) {
            return new Unusable();
        }
        uniqueAccount(accountName, dn);
        return new User(dn, accountName, employeeId, email, displayName, lastLogin);
    }

    /**
     * One account name, one entry: a second entry with the name is a problem (once per name, naming the two entries
     * in DN order). Found here, as the entries are read, so it comes with every other problem of the directory.
     */
    private void uniqueAccount(String account, String dn) {
        String first = accountDns.putIfAbsent(account, dn);
        if (first != null && !first.isEmpty()) { // each entry is read once: another DN
            accountDns.put(account, ""); // reported
            String one = first.compareTo(dn) <= 0 ? first : dn;
            String other = one.equals(dn) ? first : dn;
            problem(dn, "Two entries have the account name " + account + ": " + one + " and " + other
                    + "; the user id attribute must be unique");
        }
    }

    private String limited(String dn, String attribute, String value, int max) {
        if (value != null && value.length() > max) {
            problem(dn, "The " + attribute + " of " + dn + " is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    /** The value naming an entry: the RDN's value when the RDN uses the attribute (cn may have several values), else the first. */
    private static String naming(Entry entry, String attribute) {
        try {
            RDN rdn = entry.getParsedDN().getRDN();
            if (rdn != null) {
                String[] names = rdn.getAttributeNames();
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equalsIgnoreCase(attribute) && entry.hasAttribute(attribute)) {
                        return rdn.getAttributeValues()[i].strip();
                    }
                }
            }
        } catch (LDAPException ignored) {
            // a DN the server sent cannot be malformed; fall back to the attribute
        }
        return value(entry, attribute);
    }

    private static String value(Entry entry, String attribute) {
        if (attribute == null) {
            return null;
        }
        String value = entry.getAttributeValue(attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normalized(String dn) {
        String key = normalizedOrNull(dn);
        return key == null ? dn.toLowerCase(java.util.Locale.ROOT) : key;
    }

    private static String normalizedOrNull(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return null;
        }
    }

    private void problem(String dn, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new LdapProblem(dn, reason));
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Import cancelled; nothing was written");
        }
    }
}
