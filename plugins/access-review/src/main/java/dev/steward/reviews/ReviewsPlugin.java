package dev.steward.reviews;

import dev.steward.platform.security.Role;
import dev.steward.platform.spi.Permission;
import dev.steward.platform.spi.PermissionSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static dev.steward.reviews.ReviewPermissions.ADMIN;
import static dev.steward.reviews.ReviewPermissions.READ;
import static dev.steward.reviews.ReviewPermissions.REVIEW;

/** The access-review plugin's configuration (named in its descriptor); UI contributions are in {@code ui}. */
@Configuration
@ComponentScan
public class ReviewsPlugin {

    @Bean
    PermissionSet reviewPermissions() {
        return () -> List.of(
                Permission.of(ADMIN, "Run access-review campaigns: systems, imports, SoD rules, campaigns, remediation",
                        Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST),
                Permission.of(REVIEW, "Review the access items assigned to you", Role.MANAGER, Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST),
                Permission.of(READ, "Read every campaign, decision and evidence pack", Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST, Role.AUDITOR));
    }
}
