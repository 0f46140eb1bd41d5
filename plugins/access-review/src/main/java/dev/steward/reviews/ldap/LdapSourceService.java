package dev.steward.reviews.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.steward.platform.security.SecretBox;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.LdapSourceRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

import static dev.steward.reviews.db.Tables.LDAP_SOURCE;
import static dev.steward.reviews.db.Tables.SYSTEM;

/**
 * The LDAP source of each system: settings (checked field by field; the password is stored but never returned, and
 * the audit log redacts it), a connection test that says what works and what does not, and the directory an
 * import reads.
 */
@Service
public class LdapSourceService {

    /** The connection test stops counting groups here. */
    static final int COUNT_LIMIT = 100_000;

    private final DSLContext dsl;
    private final SecretBox secrets;

    LdapSourceService(DSLContext dsl, SecretBox secrets) {
        this.dsl = dsl;
        this.secrets = secrets;
    }

    /** The system's settings, without the password ({@link LdapSettings#passwordSet()} tells whether one is stored). */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional(readOnly = true)
    public Optional<LdapSettings> get(long systemId) {
        return record(systemId).map(LdapSourceService::toSettings);
    }

    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    @Transactional
    public LdapSettings save(LdapSettings settings) {
        if (!dsl.fetchExists(SYSTEM, SYSTEM.ID.eq(settings.systemId()))) {
            throw new InvalidInputException(null, "The system no longer exists");
        }
        LdapSourceRecord r = dsl.selectFrom(LDAP_SOURCE).where(LDAP_SOURCE.SYSTEM_ID.eq(settings.systemId())).forUpdate()
                .fetchOptional().orElse(null);
        LdapSettings s = LdapSettingsCheck.clean(settings, r == null ? null : withStoredPassword(r));
        if (r == null) {
            if (s.version() != null) {
                throw new ConcurrentChangeException("Someone else removed these LDAP settings in the meantime; reload and try again");
            }
            r = dsl.newRecord(LDAP_SOURCE);
            r.setSystemId(s.systemId());
            r.setVersion(0);
        } else {
            if (s.version() == null || r.getVersion() != s.version().intValue()) {
                throw new ConcurrentChangeException("Someone else changed these LDAP settings in the meantime; reload and try again");
            }
            r.setVersion(r.getVersion() + 1);
        }
        r.setUrl(s.url());
        r.setBindDn(s.bindDn());
        if (s.bindDn() == null) {
            r.setBindPassword(null);
        } else if (s.bindPassword() != null) {
            r.setBindPassword(secrets.seal(s.bindPassword()));
        } else if (!secrets.isSealed(r.getBindPassword())) {
            r.setBindPassword(secrets.seal(r.getBindPassword())); // kept from before passwords were sealed
        }
        r.setGroupBaseDn(s.groupBaseDn());
        r.setGroupFilter(s.groupFilter());
        r.setMemberAttribute(s.memberAttribute());
        r.setGroupNameAttribute(s.groupNameAttribute());
        r.setUserIdAttribute(s.userIdAttribute());
        r.setEmployeeIdAttribute(s.employeeIdAttribute());
        r.setEmailAttribute(s.emailAttribute());
        r.setDisplayNameAttribute(s.displayNameAttribute());
        r.setLastLoginAttribute(s.lastLoginAttribute());
        r.setConnectTimeoutSeconds(s.connectTimeoutSeconds());
        r.store();
        return toSettings(r);
    }

    /** Tries the system's saved settings. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public ConnectionTest testConnection(long systemId) {
        return record(systemId).map(r -> test(withStoredPassword(r)))
                .orElseGet(() -> new ConnectionTest(false, "No LDAP source is set up for this system"));
    }

    /**
     * Tries settings as typed, before saving them; a blank password uses the stored one (for the same address and
     * bind DN only).
     *
     * @throws InvalidInputException when the settings cannot even be tried (field by field)
     */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public ConnectionTest testConnection(LdapSettings settings) {
        LdapSettings stored = record(settings.systemId()).map(this::withStoredPassword).orElse(null);
        LdapSettings s = LdapSettingsCheck.clean(settings, stored);
        // clean() accepts a blank password only when the stored one is for this same server and bind DN
        return test(s.bindPassword() == null && s.bindDn() != null ? s.withPassword(stored.bindPassword()) : s);
    }

    /** The directory an import of the system reads. */
    @PreAuthorize(ReviewPermissions.MAY_ADMINISTER)
    public LdapDirectory directory(long systemId) {
        return record(systemId).map(r -> new LdapDirectory(withStoredPassword(r)))
                .orElseThrow(() -> new IllegalArgumentException("No LDAP source is set up for this system; set one up first"));
    }

    private ConnectionTest test(LdapSettings s) {
        String server = LdapConnector.server(s);
        String who = s.bindDn() == null ? "anonymously" : "as " + s.bindDn();
        try (LDAPConnection connection = LdapConnector.connect(s)) {
            try {
                if (connection.getEntry(s.groupBaseDn(), "1.1") == null) {
                    return new ConnectionTest(false, "Connected to " + server + " and bound " + who + ", but the group base DN "
                            + s.groupBaseDn() + " does not exist (or may not be read)");
                }
                long groups = countGroups(connection, s);
                String count = groups >= COUNT_LIMIT ? "more than " + COUNT_LIMIT + " groups" : groups == 1 ? "1 group" : groups + " groups";
                return new ConnectionTest(true, "Connected to " + server + " and bound " + who + "; " + count + " under "
                        + s.groupBaseDn() + (groups == 1 ? " matches " : " match ") + s.groupFilter() + (groups == 0 ? ": an import would find nothing" : ""));
            } catch (LDAPException e) {
                return new ConnectionTest(false, "Connected to " + server + " and bound " + who + ", but: " + LdapConnector.describeSearch(e, s));
            }
        } catch (LDAPException e) {
            return new ConnectionTest(false, LdapConnector.describe(e, s));
        }
    }

    private static long countGroups(LDAPConnection connection, LdapSettings s) throws LDAPException {
        SearchRequest request = new SearchRequest(s.groupBaseDn(), SearchScope.SUB, Filter.create(s.groupFilter()), "1.1");
        long count = 0;
        ASN1OctetString cookie = null;
        do {
            request.setControls(new SimplePagedResultsControl(LdapReader.PAGE_SIZE, cookie, false));
            SearchResult page = connection.search(request);
            count += page.getEntryCount();
            SimplePagedResultsControl paging = SimplePagedResultsControl.get(page);
            cookie = paging != null && paging.moreResultsToReturn() ? paging.getCookie() : null;
        } while (cookie != null && count < COUNT_LIMIT);
        return count;
    }

    private Optional<LdapSourceRecord> record(long systemId) {
        return dsl.selectFrom(LDAP_SOURCE).where(LDAP_SOURCE.SYSTEM_ID.eq(systemId)).fetchOptional();
    }

    private LdapSettings withStoredPassword(LdapSourceRecord r) {
        return toSettings(r).withPassword(secrets.open(r.getBindPassword()));
    }

    static LdapSettings toSettings(LdapSourceRecord r) {
        return new LdapSettings(r.getSystemId(), r.getUrl(), r.getBindDn(), null, r.getBindPassword() != null, r.getGroupBaseDn(),
                r.getGroupFilter(), r.getMemberAttribute(), r.getGroupNameAttribute(), r.getUserIdAttribute(), r.getEmployeeIdAttribute(),
                r.getEmailAttribute(), r.getDisplayNameAttribute(), r.getLastLoginAttribute(), r.getConnectTimeoutSeconds(), r.getVersion());
    }
}
