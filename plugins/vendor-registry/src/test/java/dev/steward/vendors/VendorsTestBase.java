package dev.steward.vendors;

import dev.steward.testkit.console.PluginServiceTestBase;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.ProcessingRegister;
import dev.steward.vendors.processing.ProvidedService;
import dev.steward.vendors.processing.ProvidedServices;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.TransferMechanism;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.Vendor;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorRegistry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Service tests of the bundled vendor-registry plugin in the real console context on a fresh PostgreSQL database. */
public abstract class VendorsTestBase extends PluginServiceTestBase {

    @Override
    protected String pluginId() {
        return "vendors";
    }

    @Autowired
    protected DSLContext dsl;
    @Autowired
    protected PeopleDirectory people;
    @Autowired
    protected UserAccountService users;

    protected final String suffix = UUID.randomUUID().toString().substring(0, 6);

    protected void loginAsOfficer() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
    }

    protected Vendor vendor(String legalName) {
        return bean(VendorRegistry.class).save(VendorForm.named(legalName + " " + suffix));
    }

    protected ProvidedService service(Vendor vendor, String name) {
        return bean(ProvidedServices.class).save(new ProvidedService(null, vendor.id(), name, null, 0));
    }

    /** Contact details of customers, processed by the vendor as our processor in the given countries. */
    protected ProcessingForm processing(ProvidedService service, Relationship relationship, Set<String> countries, TransferMechanism mechanism) {
        return new ProcessingForm(null, 0, service.id(), relationship, Set.of("contact"), Set.of("customers"),
                List.of(new Purpose("service_delivery", "contract")), Volume.UNDER_100K, false, false, countries, Set.of(), mechanism, null);
    }

    protected void process(ProvidedService service, Relationship relationship, String... countries) {
        bean(ProcessingRegister.class).save(processing(service, relationship, Set.of(countries), null));
    }

    /** A person in the directory and a console user with the same email (how the registry matches business owners). */
    protected long ownerWithUser(String name, Role... roles) {
        loginAs("setup", Role.ADMIN, Role.PRIVACY_OFFICER);
        String email = name + "-" + suffix + "@example.org";
        long person = people.save(new PersonForm(null, 0, name.toUpperCase() + "-" + suffix, name + " " + suffix, email, null, null, null,
                EmploymentStatus.ACTIVE, null, null));
        users.create(name + "-" + suffix, name, email, roles.length == 0 ? EnumSet.of(Role.MANAGER) : EnumSet.of(roles[0], roles));
        return person;
    }

    protected int auditEntries(String entityType, long id) {
        return dsl.fetchCount(dsl.selectFrom("platform.audit_log").where("module = 'vendors' and entity_type = ? and entity_id = ?",
                entityType, String.valueOf(id)));
    }

    protected int vendorCount() {
        return dsl.fetchCount(dsl.selectFrom("vendors.vendor"));
    }
}
