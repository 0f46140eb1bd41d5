package dev.steward.vendors;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The vendor-registry plugin's configuration (named in its descriptor); UI contributions are in {@code ui}. */
@Configuration
@ComponentScan
public class VendorsPlugin {

    @Bean
    PermissionSet vendorPermissions() {
        return () -> List.of(
                Permission.of(VendorPermissions.READ, "Read the vendor registry: processing, contracts, certifications, risk",
                        Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST, Role.AUDITOR),
                Permission.of(VendorPermissions.EDIT, "Add and change any vendor, its services, processing, contracts and certifications",
                        Role.PRIVACY_OFFICER),
                Permission.of(VendorPermissions.ADMIN, "Administer the vendor registry: risk rubric and review cadence",
                        Role.PRIVACY_OFFICER),
                Permission.of(VendorPermissions.OWN, "Read and update the vendors you are the business owner of",
                        Role.MANAGER, Role.SECURITY_ANALYST));
    }
}
