package dev.steward.console.vendors;

import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.PermissionCatalog;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Service tests of the bundled vendor-registry plugin in the real console context on a fresh PostgreSQL database. */
@SpringBootTest
abstract class VendorsTestBase {

    @Autowired
    protected ExtensionRegistry registry;
    @Autowired
    protected PermissionCatalog permissions;
    @Autowired
    protected DSLContext dsl;
    @Autowired
    protected PeopleDirectory people;
    @Autowired
    protected UserAccountService users;
    @Autowired
    private ApplicationContext context;

    protected final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void useThisContextsSecurityStrategy() {
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    protected <T> T bean(Class<T> type) {
        return registry.contextOf("vendors").orElseThrow().getBean(type);
    }

    protected void loginAs(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        permissions.permissionsOf(Set.of(roles)).forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

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
