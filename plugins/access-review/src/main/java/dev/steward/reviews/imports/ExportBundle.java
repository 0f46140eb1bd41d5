package dev.steward.reviews.imports;

import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.imports.ExportShape.MemberField;
import dev.steward.reviews.imports.ExportShape.UserField;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an import made of several files of one system (see {@link ExportShape}): its users file, if any, first, with
 * each account's status, last sign-in and details; then each members file, whose members get those details (joined
 * on the account: user principal name or id, e-mail address, login). A member missing from the users file keeps what
 * its members file says and an unknown status and last sign-in; the preview counts them. A file of one group's members
 * names its group through the name the user confirmed. Every problem names its file and line.
 */
final class ExportBundle {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the Entra admin center and people put around a group's name in a members file's name. */
    private static final Pattern EXPORT_PREFIX = Pattern.compile("(?i)^(exportGroupMembers|exportGroupMember|groupMembers|members)[ _-]*");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([ _T-]?\\d{1,2}[-_:]\\d{2}([-_:]\\d{2})?)?");

    /** An account with what the users file says of it. */
    private record Person(String account, String email, String displayName, Instant lastLogin, boolean disabled) {
    }

    private final ExportShape shape;
    private final ImportRows rows;
    private final long maxRows;
    private final AccessImport.Progress progress;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Person> strangers = new LinkedHashMap<>();
    private final Map<String, String> granted = new HashMap<>();
    /** What each file is, recognised once from its header. */
    private final Map<BundleFile, FileKind> kinds = new HashMap<>();
    private long read;
    private long line;
    private int skipped;
    private int withoutTwoFactor;
    private boolean usersFile;
    private boolean lastLoginColumn;
    /** The header of the file being read, for the column a problem names. */
    private List<String> header = List.of();

    private ExportBundle(ExportShape shape, ImportRows rows, long maxRows, AccessImport.Progress progress) {
        this.shape = shape;
        this.rows = rows;
        this.maxRows = maxRows;
        this.progress = progress;
    }

    /** What the files are: the system most of them come from, and per file its kind and proposed group. */
    static BundlePlan plan(List<BundleFile> files) {
        Map<AccessPreset, Integer> votes = new EnumMap<>(AccessPreset.class);
        for (BundleFile file : files) {
            for (AccessPreset preset : AccessPreset.values()) {
                if (preset.multiFile() && kind(preset, file) != FileKind.UNKNOWN) {
                    votes.merge(preset, 1, Integer::sum);
                }
            }
        }
        AccessPreset preset = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(AccessPreset.GENERIC);
        return plan(preset, files);
    }

    /** The files as the given system's exports. */
    static BundlePlan plan(AccessPreset preset, List<BundleFile> files) {
        List<BundlePlan.Planned> planned = new ArrayList<>();
        for (BundleFile file : files) {
            FileKind kind = preset.multiFile() ? kind(preset, file) : FileKind.UNKNOWN;
            planned.add(new BundlePlan.Planned(file.fileName(), kind, kind.needsGroup() ? groupFromName(file.fileName()) : null));
        }
        return new BundlePlan(preset, planned);
    }

    /** The group a file's name suggests: without its extension, the download's prefix and its date; null when nothing is left. */
    static String groupFromName(String fileName) {
        String name = fileName.replaceFirst("\\.(csv|json|txt)$", "");
        name = EXPORT_PREFIX.matcher(name).replaceFirst("");
        name = DATE.matcher(name).replaceAll(" ");
        name = name.replaceAll("^[\\s_\\-()]+|[\\s_\\-()]+$", "").strip();
        return name.isEmpty() ? null : name;
    }

    /** What one file is in the given system's exports. */
    static FileKind kind(AccessPreset preset, BundleFile file) {
        ExportShape shape = ExportShape.of(preset);
        if (shape == null) {
            return FileKind.UNKNOWN;
        }
        if (json(file.path())) {
            return preset == AccessPreset.GITHUB_ORGANIZATION ? FileKind.TEAM_MEMBERS : FileKind.UNKNOWN;
        }
        try {
            return shape.kind(AccessCsv.header(AccessCsv.Source.of(file.path())));
        } catch (InvalidInputException notCsv) {
            return FileKind.UNKNOWN;
        }
    }

    /** Whether the file's text starts (after a byte order mark and blanks) with a JSON array. */
    private static boolean json(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64);
            for (int i = 0; i < start.length; i++) {
                int b = start[i] & 0xff;
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b == '[';
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the files into {@code rows}, which checks and writes them; the problems are left there. */
    static void read(AccessPreset preset, List<BundleFile> files, ImportRows rows, long maxRows, AccessImport.Progress progress)
            throws IOException {
        ExportShape shape = ExportShape.of(preset);
        if (shape == null) {
            rows.problem(new Problem(0, null, preset.label() + " is read from one file"));
            return;
        }
        new ExportBundle(shape, rows, maxRows, progress).read(preset, files);
    }

    private void read(AccessPreset preset, List<BundleFile> files) throws IOException {
        List<BundleFile> ordered = check(preset, files);
        if (ordered == null) {
            return;
        }
        try {
            for (BundleFile file : ordered) {
                FileKind kind = kinds.get(file);
                if (kind == FileKind.TEAM_MEMBERS) {
                    team(file);
                } else if (!csv(file, kind)) {
                    return;
                }
                if (rows.full()) {
                    return;
                }
            }
        } finally {
            progress.rowsRead().accept(read);
        }
        if (rows.problems().isEmpty() && rows.rows() == 0) {
            rows.problem(new Problem(0, null, "The files hold no memberships"));
        }
        notes();
    }

    /** The files in reading order (the users file first), or null after problems with the set of files. */
    private List<BundleFile> check(AccessPreset preset, List<BundleFile> files) {
        List<BundleFile> ordered = new ArrayList<>();
        Map<String, String> groups = new HashMap<>();
        String users = null;
        boolean grants = shape.usersFileGrants();
        for (BundleFile file : files) {
            FileKind kind = kind(preset, file);
            kinds.put(file, kind);
            if (kind == FileKind.UNKNOWN) {
                rows.problem(new Problem(1, null, file.fileName() + ": not a file of a " + preset.label() + " export (" + shape.expected() + ")"));
                continue;
            }
            if (kind == FileKind.USERS) {
                if (users != null) {
                    rows.problem(new Problem(0, null, file.fileName() + ": a second users file (" + users + " is the first); upload one"));
                }
                users = file.fileName();
                ordered.addFirst(file);
                continue;
            }
            grants = true;
            if (kind.needsGroup()) {
                String group = file.group() == null ? "" : file.group().strip();
                if (group.isEmpty()) {
                    rows.problem(new Problem(0, null, file.fileName() + ": name the group of these members (the file does not say which)"));
                } else if (group.length() > 250) {
                    rows.problem(new Problem(0, null, file.fileName() + ": the group's name is longer than 250 characters"));
                } else if (groups.putIfAbsent(ExportShape.lower(group), file.fileName()) != null) {
                    rows.problem(new Problem(0, null, file.fileName() + ": the group " + group + " is also named for "
                            + groups.get(ExportShape.lower(group)) + "; each file holds another group"));
                }
            }
            ordered.add(file);
        }
        if (!grants && rows.problems().isEmpty()) {
            rows.problem(new Problem(0, null, "Add the group members files: a users file alone grants no access"));
        }
        usersFile = users != null;
        return rows.problems().isEmpty() ? ordered : null;
    }

    /** Reads one CSV file; false when it cannot be read at all. */
    private boolean csv(BundleFile file, FileKind kind) throws IOException {
        CsvCursor csv;
        try {
            csv = CsvCursor.of(file.path());
        } catch (CsvCursor.NotUtf8Exception e) {
            rows.problem(new Problem(e.line(), null, file.fileName() + ": the file is not UTF-8 text; save it as UTF-8 and try again"));
            return false;
        }
        try {
            csv.next();
            header = new ArrayList<>(csv.size());
            for (int i = 0; i < csv.size(); i++) {
                header.add(csv.field(i));
            }
            long fileLine = 1;
            if (kind == FileKind.USERS) {
                Map<UserField, Integer> at = new EnumMap<>(UserField.class);
                for (UserField field : UserField.values()) {
                    at.put(field, ExportShape.column(header, shape.userColumns().get(field)));
                }
                lastLoginColumn = at.get(UserField.LAST_LOGIN) >= 0;
                while (csv.next()) {
                    fileLine = csv.line();
                    if (!counted(fileLine) || !sized(file, csv, header, fileLine)) {
                        continue;
                    }
                    user(file, csv, at, fileLine);
                    if (rows.full()) {
                        break;
                    }
                }
            } else {
                Map<MemberField, Integer> at = new EnumMap<>(MemberField.class);
                for (MemberField field : MemberField.values()) {
                    at.put(field, ExportShape.column(header, shape.memberColumns().get(field)));
                }
                while (csv.next()) {
                    fileLine = csv.line();
                    if (!counted(fileLine) || !sized(file, csv, header, fileLine)) {
                        continue;
                    }
                    member(file, csv, at, fileLine);
                    if (rows.full()) {
                        break;
                    }
                }
            }
            return true;
        } catch (CsvCursor.MalformedCsvException e) {
            rows.problem(new Problem(csv.line(), null, file.fileName() + ": the file cannot be read as CSV: " + e.getMessage()));
            return false;
        }
    }

    private boolean counted(long fileLine) {
        read++;
        return AccessCsv.counted(read, fileLine, maxRows, rows, progress);
    }

    private boolean sized(BundleFile file, CsvCursor csv, List<String> header, long fileLine) {
        if (csv.size() == header.size()) {
            return true;
        }
        rows.problem(new Problem(fileLine, null, file.fileName() + ": expected " + header.size() + " columns, found " + csv.size()));
        return false;
    }

    private void user(BundleFile file, CsvCursor csv, Map<UserField, Integer> at, long fileLine) throws IOException {
        List<Problem> problems = new ArrayList<>(0);
        String account = value(csv, at.get(UserField.ACCOUNT));
        if (account == null) {
            problems.add(problem(file, fileLine, name(at.get(UserField.ACCOUNT)), "empty; every row needs a value here"));
        }
        String displayName = value(csv, at.get(UserField.DISPLAY_NAME));
        if (displayName == null) {
            String first = value(csv, at.get(UserField.FIRST_NAME));
            String last = value(csv, at.get(UserField.LAST_NAME));
            displayName = first == null ? last : last == null ? first : first + " " + last;
        }
        String email = value(csv, at.get(UserField.EMAIL));
        if (email == null && shape instanceof GoogleWorkspaceExport) {
            email = account;
        }
        if (email != null && !email.contains("@")) {
            email = null; // a SAML NameID that is no address
        }
        Instant lastLogin = time(file, csv, at.get(UserField.LAST_LOGIN), fileLine, problems);
        boolean disabled = status(file, csv, at.get(UserField.STATUS), fileLine, problems);
        String twoFactor = value(csv, at.get(UserField.TWO_FACTOR));
        String role = value(csv, at.get(UserField.ROLE));
        if (!problems.isEmpty()) {
            problems.forEach(rows::problem);
            return;
        }
        if (twoFactor != null && Boolean.TRUE.equals(SourceValues.disabled(twoFactor))) {
            withoutTwoFactor++;
        }
        Person person = new Person(account, limit(email, 254), limit(displayName, 200), lastLogin, disabled);
        if (people.putIfAbsent(ExportShape.lower(account), person) != null) {
            rows.problem(problem(file, fileLine, null, "the account " + account + " is on another line of the users file too"));
            return;
        }
        String id = value(csv, at.get(UserField.ID));
        if (id != null) {
            people.putIfAbsent(ExportShape.lower(id), person);
        }
        if (shape.usersFileGrants()) {
            grant(file, fileLine, person, shape.userEntitlement(role), role, null);
        }
    }

    private void member(BundleFile file, CsvCursor csv, Map<MemberField, Integer> at, long fileLine) throws IOException {
        String type = value(csv, at.get(MemberField.TYPE));
        if (type != null && shape.notAnAccount(type)) {
            skipped++;
            return;
        }
        String account = value(csv, at.get(MemberField.ACCOUNT));
        String id = value(csv, at.get(MemberField.ID));
        String group = at.get(MemberField.GROUP) >= 0 ? value(csv, at.get(MemberField.GROUP)) : file.group().strip();
        List<Problem> problems = new ArrayList<>(0);
        if (account == null && id == null) {
            problems.add(problem(file, fileLine, name(at.get(MemberField.ACCOUNT)), "empty; every member needs a value here"));
        }
        if (group == null) {
            problems.add(problem(file, fileLine, name(at.get(MemberField.GROUP)), "empty; every membership needs its group"));
        }
        boolean disabled = at.get(MemberField.STATUS) >= 0 && status(file, csv, at.get(MemberField.STATUS), fileLine, problems);
        if (!problems.isEmpty()) {
            problems.forEach(rows::problem);
            return;
        }
        String role = value(csv, at.get(MemberField.ROLE));
        Person person = find(account, id);
        if (person == null) {
            String name = account != null ? account : id;
            person = strangers.computeIfAbsent(ExportShape.lower(name), key -> new Person(name,
                    limit(mailOf(csv, at, name), 254), limit(value(csv, at.get(MemberField.DISPLAY_NAME)), 200), null, disabled));
        }
        grant(file, fileLine, person, shape.entitlement(group, role), role, value(csv, at.get(MemberField.HOW_HELD)));
    }

    private String mailOf(CsvCursor csv, Map<MemberField, Integer> at, String account) {
        String mail = value(csv, at.get(MemberField.EMAIL));
        return mail != null ? mail : account.contains("@") && shape instanceof GoogleWorkspaceExport ? account : null;
    }

    /** Reads a team's members (the REST API's JSON: arrays of user objects, several when pages were concatenated). */
    private void team(BundleFile file) throws IOException {
        String entitlement = shape.entitlement(file.group().strip(), null);
        long index = 0;
        try (JsonParser json = JSON.createParser(file.path())) {
            int depth = 0;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 2 && token == JsonToken.START_OBJECT) {
                        index++;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.PROPERTY_NAME && depth == 2 && "login".equals(json.currentName())) {
                    json.nextToken();
                    String login = json.getValueAsString();
                    if (!counted(index)) {
                        continue;
                    }
                    if (login == null || login.isBlank()) {
                        rows.problem(problem(file, index, "login", "member " + index + " has no login"));
                        continue;
                    }
                    Person person = find(login, null);
                    if (person == null) {
                        person = strangers.computeIfAbsent(ExportShape.lower(login), key -> new Person(login, null, null, null, false));
                    }
                    grant(file, index, person, entitlement, null, null);
                    if (rows.full()) {
                        return;
                    }
                }
            }
        } catch (JacksonException e) {
            rows.problem(new Problem(0, null, file.fileName() + ": the file cannot be read as the API's JSON list of members: "
                    + e.getOriginalMessage()));
        }
    }

    private Person find(String account, String id) {
        Person person = account == null ? null : people.get(ExportShape.lower(account));
        return person != null || id == null ? person : people.get(ExportShape.lower(id));
    }

    /** One grant of the import; an account listed twice for one entitlement is a problem with both places. */
    private void grant(BundleFile file, long fileLine, Person person, String entitlement, String role, String grantedVia)
            throws IOException {
        if (entitlement.length() > 300) {
            rows.problem(problem(file, fileLine, null, "the entitlement's name is longer than 300 characters"));
            return;
        }
        if (person.account().length() > 200) {
            rows.problem(problem(file, fileLine, null, "the account name is longer than 200 characters"));
            return;
        }
        String place = "line " + fileLine + " of " + file.fileName();
        String first = granted.putIfAbsent(person.account() + '\u0000' + entitlement, place);
        if (first != null) {
            rows.problem(problem(file, fileLine, null, person.account() + " is listed twice for " + entitlement + " (also " + first + ")"));
            return;
        }
        if (shape.privileged(entitlement, role)) {
            rows.privileged(entitlement);
        }
        rows.add(++line, person.account(), entitlement, null, person.email(), person.displayName(), person.lastLogin(),
                person.disabled(), limit(grantedVia, 300), null);
    }

    private void notes() {
        if (!strangers.isEmpty() && usersFile) {
            rows.note(String.format("%,d member(s) are not in the users file (%s%s): their status and last sign-in are unknown, and"
                            + " one that matches no person is an orphan account in reviews", strangers.size(),
                    String.join(", ", strangers.values().stream().limit(5).map(Person::account).toList()), strangers.size() > 5 ? ", …" : ""));
        } else if (!strangers.isEmpty()) {
            rows.note("No users file: status and last sign-in are unknown for every account; add the users file to see disabled and"
                    + " dormant accounts");
        }
        if (usersFile && !lastLoginColumn) {
            rows.note(shape.noLastLoginNote());
        }
        if (skipped > 0) {
            rows.note(String.format("%,d member(s) that are no account (nested groups, the whole domain, devices) were skipped:"
                    + " review a nested group through its own members file", skipped));
        }
        if (withoutTwoFactor > 0) {
            rows.note(String.format("%,d account(s) have two-factor authentication off", withoutTwoFactor));
        }
    }

    private Instant time(BundleFile file, CsvCursor csv, int index, long fileLine, List<Problem> problems) {
        String text = value(csv, index);
        if (text == null) {
            return null;
        }
        Instant instant = SourceTimes.parse(text);
        if (instant == null) {
            problems.add(problem(file, fileLine, name(index), "not a date or time: " + text));
        }
        return instant;
    }

    private boolean status(BundleFile file, CsvCursor csv, int index, long fileLine, List<Problem> problems) {
        String word = value(csv, index);
        if (word == null) {
            return false;
        }
        Boolean disabled = SourceValues.disabled(word);
        if (disabled == null) {
            problems.add(problem(file, fileLine, name(index), "unknown account status " + word + " (known: "
                    + String.join(", ", SourceValues.STATUS_WORDS) + ")"));
            return false;
        }
        return disabled;
    }

    /** A cell without surrounding blanks and the export's formula escape; null when missing or a word for unknown. */
    private static String value(CsvCursor csv, Integer index) {
        if (index == null || index < 0) {
            return null;
        }
        String value = SafeCsv.restore(csv.field(index).strip());
        return SourceValues.unknownInExports(value) ? null : value;
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The name of a column of the file being read, or null. */
    private String name(Integer index) {
        return index != null && index >= 0 && index < header.size() ? header.get(index) : null;
    }

    private static Problem problem(BundleFile file, long fileLine, String column, String message) {
        return new Problem(fileLine, column, file.fileName() + ": " + message);
    }
}
