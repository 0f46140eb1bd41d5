package dev.steward.dsr.records;

import dev.steward.dsr.DsrTestBase;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.export.ExportProgress;
import dev.steward.platform.search.SearchService;
import dev.steward.platform.security.Role;
import dev.steward.testkit.console.ActionMatrix;
import dev.steward.testkit.console.ActionMatrix.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.steward.platform.security.Role.AUDITOR;
import static dev.steward.platform.security.Role.PRIVACY_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/** Each role x each action on the records and reports; global search shows requests to their readers only. */
class RecordsActionMatrixTest extends DsrTestBase {

    private static final Set<Role> READERS = Set.of(PRIVACY_OFFICER, AUDITOR);
    private static final Set<Role> ADMINS = Set.of(PRIVACY_OFFICER);

    static final List<Action<RecordsActionMatrixTest>> ACTIONS = List.of(
            new Action<>("read the yearly metrics", READERS, t -> t.bean(RequestMetrics.class).of(2010)),
            new Action<>("export the metrics as CSV", READERS, t -> t.bean(RequestMetrics.class).writeCsv(2010, OutputStream.nullOutputStream(), ExportProgress.NONE)),
            new Action<>("export the metrics as PDF", READERS, t -> t.bean(RequestMetrics.class).writePdf(2010, OutputStream.nullOutputStream(), ExportProgress.NONE)),
            new Action<>("run the retention purge", ADMINS, t -> t.bean(RequestRetention.class).purgeDue(Instant.EPOCH)));

    static Stream<Arguments> roleAndAction() {
        return ActionMatrix.everyRoleAndAction(ACTIONS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("roleAndAction")
    void each_action_is_allowed_exactly_for_its_roles(Role role, Action<RecordsActionMatrixTest> action) {
        ActionMatrix.assertAllowedExactlyForItsRoles(this, role, action);
    }

    @Autowired
    SearchService search;

    @Test
    void global_search_finds_a_request_by_reference_or_email_for_readers_only() {
        RightsRequest r = open("DE", RequestType.DELETION);

        loginAs("ada", AUDITOR);
        assertThat(search.search(r.reference(), 5)).flatExtracting(g -> g.hits()).anySatisfy(h -> assertThat(h.route()).isEqualTo("requests/" + r.id()));
        assertThat(search.search("rosa." + suffix, 5)).flatExtracting(g -> g.hits()).anySatisfy(h -> assertThat(h.title()).startsWith(r.reference()));
        loginAs("tom", Role.MANAGER);
        assertThat(search.search(r.reference(), 5)).flatExtracting(g -> g.hits()).noneSatisfy(h -> assertThat(h.route()).isEqualTo("requests/" + r.id()));
    }
}
