package dev.steward.dsr;

import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.dsr.verification.DataPoint;
import dev.steward.dsr.verification.DataPoints;
import dev.steward.dsr.verification.PointKind;
import dev.steward.dsr.verification.PointSource;
import dev.steward.platform.plugin.ExtensionRegistry;
import dev.steward.platform.security.Role;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ColumnMapping;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import dev.steward.testkit.console.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A requester's data point checked against the accounts an access-review system holds, through the platform's
 * personal-data map: the rights-requests plugin never reads the access reviews' tables.
 */
@SpringBootTest(classes = dev.steward.console.StewardApplication.class)
class AccountsVerificationTest extends KaribuTest {

    @Autowired
    ExtensionRegistry registry;

    @Test
    void an_email_held_by_a_systems_account_matches_in_the_accounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "rosa." + suffix + "@example.org";
        loginAs("olivia", Role.PRIVACY_OFFICER, Role.SECURITY_ANALYST);
        SystemInfo shop = bean("reviews", SystemService.class)
                .save(new SystemInfo(null, "shop-" + suffix, "Web shop", null, SystemInfo.Criticality.MEDIUM, true, 90, 0));
        byte[] file = ("account,entitlement,employee_id,email,display_name,last_login\n"
                + "rdiaz" + suffix + ",CUSTOMER,," + email + ",Rosa Diaz,2026-11-20\n").getBytes(StandardCharsets.UTF_8);
        AccessImport imports = bean("reviews", AccessImport.class);
        imports.commit(shop.id(), file, "shop.csv", ColumnMapping.guess(imports.header(file)), AccessImport.Progress.NONE);
        RightsRequest request = bean("dsr", RightsRequests.class).open(RequestForm.byEmail(Requester.named("Rosa Diaz", email), "US-CA",
                EnumSet.of(RequestType.ACCESS_CATEGORIES)));

        DataPoint point = bean("dsr", DataPoints.class).record(request.id(), PointKind.EMAIL, email.toUpperCase());

        assertThat(point.matched()).isTrue();
        assertThat(point.source()).isEqualTo(PointSource.ACCOUNTS);
        assertThat(point.matchedAgainst()).isEqualTo("Account rdiaz" + suffix + " in Web shop");
    }

    private <T> T bean(String plugin, Class<T> type) {
        return registry.contextOf(plugin).orElseThrow().getBean(type);
    }
}
