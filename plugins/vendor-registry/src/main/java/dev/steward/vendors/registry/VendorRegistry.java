package dev.steward.vendors.registry;

import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.search.SearchSql;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.vendors.Countries;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorOwners;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.ContactRecord;
import dev.steward.vendors.db.tables.records.VendorRecord;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.steward.vendors.db.Tables.CONTACT;
import static dev.steward.vendors.db.Tables.VENDOR;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

/** Vendors with their contacts and business owner. Services and processing: {@code processing}; contracts: {@code contracts}. */
@Service
public class VendorRegistry {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The platform's people directory (read-only for plugins; plain SQL names). */
    static final Table<?> PERSON = table(name("platform", "person"));
    static final Field<Long> PERSON_ID = field(name("person", "id"), Long.class);
    static final Field<String> PERSON_NAME = field(name("person", "full_name"), String.class);
    static final Field<String> PERSON_EMAIL = field(name("person", "email"), String.class);
    static final Field<String> PERSON_EMPLOYEE_ID = field(name("person", "employee_id"), String.class);
    static final Field<String> PERSON_STATUS = field(name("person", "employment_status"), String.class);
    /** The expression of the directory's trigram index {@code platform.person_search_trgm}. */
    static final Field<String> PERSON_SEARCH_TEXT = field("({0} || ' ' || {1} || ' ' || coalesce({2}, ''))", String.class,
            PERSON_NAME, PERSON_EMPLOYEE_ID, PERSON_EMAIL);

    private final DSLContext dsl;
    private final VendorAccess access;
    private final NotificationService notifications;

    VendorRegistry(DSLContext dsl, VendorAccess access, NotificationService notifications) {
        this.dsl = dsl;
        this.access = access;
        this.notifications = notifications;
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<Vendor> find(long id) {
        if (!dsl.fetchExists(VENDOR, VENDOR.ID.eq(id))) {
            return Optional.empty();
        }
        access.requireRead(id);
        VendorRecord r = dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(id)).fetchSingle();
        return Optional.of(toVendor(r, ownerName(r.getOwnerPersonId()), contacts(id)));
    }

    /** Creates or updates a vendor with its contacts; returns it as stored. Owners may change their own vendors but not hand them over. */
    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public Vendor save(VendorForm form) {
        if (form.id() == null && !access.mayEditAll()) {
            throw new AccessDeniedException("Only vendor-registry editors add vendors");
        }
        if (form.id() != null) {
            access.requireEdit(form.id());
        }
        String legalName = Inputs.required("legalName", form.legalName(), "The vendor needs its legal name", 300);
        String website = website(form.website());
        String hq = form.hqCountry() == null || form.hqCountry().isBlank() ? null : Countries.require("hqCountry", form.hqCountry());
        if (form.ownerPersonId() != null && !dsl.fetchExists(PERSON, PERSON_ID.eq(form.ownerPersonId()))) {
            throw new InvalidInputException("owner", "The business owner (person #" + form.ownerPersonId()
                    + ") is not in the people directory; pick the owner from the list");
        }
        if (dsl.fetchExists(VENDOR, VENDOR.LEGAL_NAME.lower().eq(legalName.toLowerCase())
                .and(form.id() == null ? noCondition() : VENDOR.ID.ne(form.id())))) {
            throw new InvalidInputException("legalName", "Another vendor is already registered as " + legalName);
        }
        List<Contact> contacts = form.contacts() == null ? List.of() : form.contacts();
        contacts.forEach(VendorRegistry::check);

        VendorRecord r;
        Long previousOwner = null;
        if (form.id() == null) {
            r = dsl.newRecord(VENDOR);
            r.setVersion(0);
            r.setCreatedBy(CurrentUser.username().orElse("system"));
        } else {
            r = dsl.selectFrom(VENDOR).where(VENDOR.ID.eq(form.id())).forUpdate().fetchSingle();
            if (r.getVersion() != form.version()) {
                throw new ConcurrentChangeException("Someone else changed this vendor in the meantime; reload and try again");
            }
            if (!access.mayEditAll() && !Objects.equals(r.getOwnerPersonId(), form.ownerPersonId())) {
                throw new AccessDeniedException("Only vendor-registry editors hand a vendor to another business owner");
            }
            previousOwner = r.getOwnerPersonId();
            r.setVersion(r.getVersion() + 1);
        }
        r.setLegalName(legalName);
        r.setTradingName(Inputs.optional("tradingName", form.tradingName(), 300));
        r.setWebsite(website);
        r.setHqCountry(hq);
        r.setStatus(form.status() == null ? VendorStatus.PROSPECT : form.status());
        r.setOwnerPersonId(form.ownerPersonId());
        r.setCriticality(form.criticality() == null ? Criticality.MEDIUM : form.criticality());
        r.setAccessLevel(form.accessLevel() == null ? AccessLevel.NONE : form.accessLevel());
        r.setDescription(Inputs.optional("description", form.description(), 10_000));
        r.store();
        replaceContacts(r.getId(), contacts);
        if (r.getOwnerPersonId() != null && !r.getOwnerPersonId().equals(previousOwner)) {
            tellNewOwner(r);
        }
        return toVendor(r, ownerName(r.getOwnerPersonId()), contacts(r.getId()));
    }

    /**
     * People who can own a vendor, for the owner picker: every word of the filter in the name, employee id or email
     * (the directory's trigram index), active people first.
     */
    @PreAuthorize(VendorPermissions.MAY_EDIT_EVERY_VENDOR)
    @Transactional(readOnly = true)
    public List<PersonChoice> ownerCandidates(String filter, int offset, int limit) {
        return dsl.select(PERSON_ID, PERSON_NAME, PERSON_EMAIL, PERSON_EMPLOYEE_ID, PERSON_STATUS).from(PERSON)
                .where(SearchSql.searchable(filter) ? SearchSql.matchesAllWords(filter, PERSON_SEARCH_TEXT) : noCondition())
                .orderBy(PERSON_STATUS.eq("ACTIVE").desc(), PERSON_NAME, PERSON_ID).offset(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 200)))
                .fetch(r -> new PersonChoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public Optional<PersonChoice> person(long personId) {
        return dsl.select(PERSON_ID, PERSON_NAME, PERSON_EMAIL, PERSON_EMPLOYEE_ID, PERSON_STATUS).from(PERSON).where(PERSON_ID.eq(personId))
                .fetchOptional(r -> new PersonChoice(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The new business owner hears of it, if they are a console user (matched by email). */
    private void tellNewOwner(VendorRecord vendor) {
        dsl.resultQuery("select " + VendorOwners.OWNER_OF_V + " from vendors.vendor v where v.id = {0} and v.owner_person_id is not null"
                        + " and exists (select 1 from platform.person p join platform.app_user u on lower(u.email) = lower(p.email)"
                        + " where p.id = v.owner_person_id)", org.jooq.impl.DSL.inline(vendor.getId()))
                .fetchOptional(0, String.class)
                .ifPresent(owner -> notifications.send(new Notification(VendorPermissions.PLUGIN_ID, "vendors.owner", owner,
                        "You are the business owner of " + vendor.getLegalName(),
                        "Keep its contacts, services, contracts and certificates current; its deadlines are on your My work.",
                        "vendors/mine/" + vendor.getId(), java.util.Map.of("vendorId", vendor.getId()))));
    }

    private void replaceContacts(long vendorId, List<Contact> contacts) {
        Map<Long, ContactRecord> existing = dsl.selectFrom(CONTACT).where(CONTACT.VENDOR_ID.eq(vendorId)).fetchMap(CONTACT.ID);
        Set<Long> kept = contacts.stream().map(Contact::id).filter(Objects::nonNull).collect(Collectors.toSet());
        existing.values().stream().filter(c -> !kept.contains(c.getId())).forEach(ContactRecord::delete);
        for (Contact c : contacts) {
            ContactRecord r = c.id() == null ? dsl.newRecord(CONTACT) : existing.get(c.id());
            if (r == null) {
                throw new InvalidInputException("contacts", "The contact " + c.name() + " was removed in the meantime; reload and try again");
            }
            r.setVendorId(vendorId);
            r.setName(c.name().strip());
            r.setRole(Inputs.optional("contacts", c.role(), 200));
            r.setEmail(Inputs.optional("contacts", c.email(), 254));
            r.setPhone(Inputs.optional("contacts", c.phone(), 50));
            r.setSecurityContact(c.securityContact());
            r.setPrivacyContact(c.privacyContact());
            r.store();
        }
    }

    private List<Contact> contacts(long vendorId) {
        return dsl.selectFrom(CONTACT).where(CONTACT.VENDOR_ID.eq(vendorId)).orderBy(CONTACT.ID)
                .fetch(c -> new Contact(c.getId(), c.getName(), c.getRole(), c.getEmail(), c.getPhone(), c.getSecurityContact(), c.getPrivacyContact()));
    }

    private String ownerName(Long personId) {
        return personId == null ? null : dsl.select(PERSON_NAME).from(PERSON).where(PERSON_ID.eq(personId)).fetchOne(PERSON_NAME);
    }

    private static void check(Contact c) {
        Inputs.required("contacts", c.name(), "Every contact needs a name", 200);
        if (c.email() != null && !c.email().isBlank() && !EMAIL.matcher(c.email().strip()).matches()) {
            throw new InvalidInputException("contacts", "The email of " + c.name().strip() + " is not an email address: " + c.email());
        }
        if (c.phone() != null && c.phone().strip().length() > 50) {
            throw new InvalidInputException("contacts", "The phone number of " + c.name().strip() + " is longer than 50 characters");
        }
    }

    private static String website(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        String withScheme = v.matches("(?i)https?://.*") ? v : "https://" + v;
        try {
            URI uri = URI.create(withScheme);
            if (uri.getHost() == null || !uri.getHost().contains(".") || withScheme.length() > 500) {
                throw new IllegalArgumentException();
            }
            return withScheme;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("website", "'" + value + "' is not a web address (e.g. https://example.com)");
        }
    }

    static Vendor toVendor(VendorRecord r, String ownerName, List<Contact> contacts) {
        return new Vendor(r.getId(), r.getLegalName(), r.getTradingName(), r.getWebsite(), r.getHqCountry(), r.getStatus(),
                r.getOwnerPersonId(), ownerName, r.getCriticality(), r.getAccessLevel(),
                r.getDescription(), contacts, r.getVersion());
    }
}
