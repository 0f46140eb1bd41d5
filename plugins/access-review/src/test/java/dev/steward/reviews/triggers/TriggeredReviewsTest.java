package dev.steward.reviews.triggers;

import dev.steward.platform.jobs.JobRunner;
import dev.steward.platform.jobs.JobScheduler;
import dev.steward.platform.links.EntityLinks;
import dev.steward.platform.links.EntityRef;
import dev.steward.platform.people.EmploymentStatus;
import dev.steward.platform.people.ImportPlan;
import dev.steward.platform.people.ImportProgress;
import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.people.PeopleImport;
import dev.steward.platform.people.Person;
import dev.steward.platform.people.PersonForm;
import dev.steward.platform.security.Role;
import dev.steward.platform.security.UserAccountService;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.CampaignFixture;
import dev.steward.reviews.ReviewsTestBase;
import dev.steward.reviews.campaigns.Campaign;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.campaigns.RecurringCampaigns;
import dev.steward.reviews.db.tables.records.ReviewTriggerRecord;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.reviews.systems.SystemService;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static dev.steward.reviews.db.Tables.CAMPAIGN;
import static dev.steward.reviews.db.Tables.REVIEW_ITEM;
import static dev.steward.reviews.db.Tables.REVIEW_TRIGGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Movers, leavers and incidents linked to a system launch micro-reviews: the change records a pending trigger in its own
 * transaction, the job launches each trigger once, over exactly the access concerned, routed like any campaign. The
 * scheduler is off here: the tests run the job themselves.
 */
@Import(TestIncidents.class)
@TestPropertySource(properties = "steward.jobs.enabled=false")
class TriggeredReviewsTest extends ReviewsTestBase {

    @Autowired
    PeopleDirectory people;
    @Autowired
    PeopleImport peopleImport;
    @Autowired
    UserAccountService users;
    @Autowired
    EntityLinks links;
    @Autowired
    JobRunner jobs;
    @Autowired
    JobScheduler scheduler;
    @Autowired
    DSLContext dsl;

    CampaignFixture company;
    SystemInfo erp;
    SystemInfo crm;
    TriggeredReviews triggered;
    long finance;
    long sales;
    long sam;

    @BeforeEach
    void aCompanyWithTwoSystemsAndTwoOrgUnits() {
        company = new CampaignFixture();
        company.createPeopleAndUsers(people, users);
        erp = fixtureErp(company, null);
        crm = system("CRM");
        importCsv(crm, HEADER + "jdoe,CRM_USER," + company.employee("J") + ",,Jane,2026-11-20\n"
                + "olaf,CRM_USER,," + company.email("olaf") + ",Olaf,2026-11-20\n");
        triggered = bean(TriggeredReviews.class);
        asHr(() -> {
            finance = people.saveOrgUnit(null, 0, "FIN-" + company.suffix, "Finance " + company.suffix, null);
            sales = people.saveOrgUnit(null, 0, "SALES-" + company.suffix, "Sales " + company.suffix, null);
            sam = people.save(new PersonForm(null, 0, company.employee("S"), "Sam Sales " + company.suffix, company.email("sam"), null,
                    sales, null, EmploymentStatus.ACTIVE, LocalDate.of(2020, 1, 1), null));
            users.create(company.user("sam"), "Sam Sales", company.email("sam"), EnumSet.of(Role.MANAGER));
            // a first org unit is not a move
            edit(company.jane, p -> new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(), finance,
                    p.managerId(), p.status(), p.startDate(), p.endDate()));
            return null;
        });
        loginAs("ivy", Role.SECURITY_ANALYST);
        TriggerSettings settings = triggered.settings();
        triggered.saveSettings(new TriggerSettings(true, true, true, 7, company.user("fiona"), settings.version()));
    }

    @Test
    void a_move_in_the_directory_records_one_trigger_and_the_job_launches_a_review_of_exactly_that_persons_access_for_the_new_manager() {
        assertThat(triggersOf(company.jane)).as("placing Jane in her first org unit is no move").isEmpty();
        moveJaneToSales();

        assertThat(triggersOf(company.jane)).singleElement().satisfies(t -> {
            assertThat(t.getKind()).isEqualTo(Trigger.Kind.MOVER);
            assertThat(t.getStatus()).isEqualTo(Trigger.Status.PENDING);
            assertThat(t.getCampaignName()).isEqualTo("Mover review: Jane Doe " + company.suffix + " (Finance " + company.suffix
                    + " \u2192 Sales " + company.suffix + ")");
            assertThat(t.getReason()).isEqualTo("Jane Doe " + company.suffix + " moved from Finance " + company.suffix + " to Sales "
                    + company.suffix + ", now managed by Sam Sales " + company.suffix + " (people directory edit by hr-" + company.suffix + ")");
            assertThat(t.getDetectedBy()).isEqualTo("hr-" + company.suffix);
        });

        runJob();
        ReviewTriggerRecord done = triggersOf(company.jane).getFirst();
        assertThat(done.getStatus()).isEqualTo(Trigger.Status.LAUNCHED);
        assertThat(done.getOutcome()).isEqualTo("4 item(s) to review");
        Campaign review = bean(CampaignService.class).find(done.getCampaignId()).orElseThrow();
        assertThat(review.status()).isEqualTo(Campaign.Status.ACTIVE);
        assertThat(review.name()).isEqualTo(done.getCampaignName());
        assertThat(review.owner()).isEqualTo(company.user("fiona"));
        assertThat(review.definition().systemIds()).containsExactlyInAnyOrder(erp.id(), crm.id());
        assertThat(review.definition().dueAt()).isEqualTo(review.definition().startsAt().plus(java.time.Duration.ofDays(7)));
        assertThat(items(review.id())).as("every grant of Jane's accounts on every system, nobody else's, all for her new manager")
                .containsExactlyInAnyOrder(
                        tuple(company.jane, erp.id(), "AP_CLERK", company.user("sam")),
                        tuple(company.jane, erp.id(), "AP_APPROVER", company.user("sam")),
                        tuple(company.jane, erp.id(), "GL_VIEW", company.user("sam")),
                        tuple(company.jane, crm.id(), "CRM_USER", company.user("sam")));
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.notification")
                .where("kind = 'reviews.assigned' and recipient = ? and title = ?", company.user("sam"), "Access review: " + review.name())))
                .as("its reviewer is told, as at any launch").isEqualTo(1);
        assertThat(triggered.byCampaign()).containsKey(review.id());

        // the next run, or another node's: nothing more
        runJob();
        assertThat(dsl.fetchCount(CAMPAIGN, CAMPAIGN.NAME.eq(review.name()))).isEqualTo(1);
        assertThatThrownBy(() -> bean(RecurringCampaigns.class).repeat(review.id(), RecurringCampaigns.Frequency.YEARLY,
                Instant.now().plusSeconds(86_400))).isInstanceOf(InvalidInputException.class).hasMessageContaining("triggered by one event");
    }

    @Test
    void a_people_import_records_its_moves_and_terminations_once_and_the_leaver_review_recommends_revoking() {
        String header = "employee_id,full_name,email,title,org_unit,manager_employee_id,status,start_date,end_date\n";
        String maria = company.employee("M") + ",Maria Manager " + company.suffix + "," + company.email("maria") + ",,FIN-" + company.suffix
                + ",,active,2020-01-01,\n";
        importPeople(header + maria
                + company.employee("O") + ",Olaf Old " + company.suffix + "," + company.email("olaf") + ",,FIN-" + company.suffix + ","
                + company.employee("M") + ",active,2020-01-01,\n");
        assertThat(triggersOf(company.olaf)).as("Olaf's first org unit").isEmpty();
        int auditBefore = recordedSummaries();

        importPeople(header + maria
                + company.employee("O") + ",Olaf Old " + company.suffix + "," + company.email("olaf") + ",,SALES-" + company.suffix + ","
                + company.employee("S") + ",active,2020-01-01,\n"
                + company.employee("J") + ",Jane Doe " + company.suffix + "," + company.email("jane") + ",,FIN-" + company.suffix + ","
                + company.employee("M") + ",terminated,2020-01-01,2026-12-01\n");
        assertThat(triggersOf(company.olaf)).singleElement().satisfies(t -> {
            assertThat(t.getKind()).isEqualTo(Trigger.Kind.MOVER);
            assertThat(t.getReason()).endsWith("(people import people.csv by hr-" + company.suffix + ")");
        });
        assertThat(triggersOf(company.jane)).singleElement().satisfies(t -> {
            assertThat(t.getKind()).isEqualTo(Trigger.Kind.LEAVER);
            assertThat(t.getCampaignName()).isEqualTo("Leaver review: Jane Doe " + company.suffix);
            assertThat(t.getReason()).isEqualTo("Jane Doe " + company.suffix + " became terminated (end date 2026-12-01), was active"
                    + " (people import people.csv by hr-" + company.suffix + ")");
        });
        assertThat(recordedSummaries()).as("one audit entry for the import's triggers").isEqualTo(auditBefore + 1);

        runJob();
        long leaverReview = triggersOf(company.jane).getFirst().getCampaignId();
        assertThat(dsl.select(REVIEW_ITEM.ENTITLEMENT, REVIEW_ITEM.RECOMMENDATION, REVIEW_ITEM.REVIEWER).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(leaverReview)).fetch().map(r -> tuple(r.value1(), r.value2(), r.value3())))
                .as("what the leaver still holds, flagged terminated, for their manager")
                .containsExactlyInAnyOrder(tuple("AP_CLERK", "REVOKE", company.user("maria")), tuple("AP_APPROVER", "REVOKE", company.user("maria")),
                        tuple("GL_VIEW", "REVOKE", company.user("maria")), tuple("CRM_USER", "REVOKE", company.user("maria")));
        assertThat(dsl.fetchCount(REVIEW_ITEM, REVIEW_ITEM.CAMPAIGN_ID.eq(leaverReview).and("'TERMINATED' = any(flags)"))).isEqualTo(4);
        long moverReview = triggersOf(company.olaf).getFirst().getCampaignId();
        assertThat(items(moverReview)).containsExactlyInAnyOrder(tuple(company.olaf, erp.id(), "GL_VIEW", company.user("sam")),
                tuple(company.olaf, crm.id(), "CRM_USER", company.user("sam")));
    }

    @Test
    void a_termination_in_the_directory_launches_a_leaver_review_and_a_person_without_access_is_skipped_with_the_reason() {
        asHr(() -> edit(company.olaf, p -> new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(),
                p.orgUnitId(), p.managerId(), EmploymentStatus.TERMINATED, p.startDate(), LocalDate.of(2026, 12, 4))));
        long nobody = asHr(() -> people.save(new PersonForm(null, 0, company.employee("N"), "Nora None " + company.suffix, null, null,
                finance, null, EmploymentStatus.ACTIVE, LocalDate.of(2020, 1, 1), null)));
        asHr(() -> edit(nobody, p -> new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(), sales,
                p.managerId(), p.status(), p.startDate(), p.endDate())));

        runJob();
        ReviewTriggerRecord olaf = triggersOf(company.olaf).getFirst();
        assertThat(olaf.getKind()).isEqualTo(Trigger.Kind.LEAVER);
        assertThat(olaf.getStatus()).isEqualTo(Trigger.Status.LAUNCHED);
        assertThat(items(olaf.getCampaignId())).containsExactlyInAnyOrder(tuple(company.olaf, erp.id(), "GL_VIEW", company.user("maria")),
                tuple(company.olaf, crm.id(), "CRM_USER", company.user("maria")));
        ReviewTriggerRecord nora = triggersOf(nobody).getFirst();
        assertThat(nora.getStatus()).isEqualTo(Trigger.Status.SKIPPED);
        assertThat(nora.getCampaignId()).isNull();
        assertThat(nora.getOutcome()).isEqualTo("Nora None " + company.suffix + " holds no access on any system under review");
    }

    @Test
    void a_later_change_of_the_same_person_covers_an_earlier_pending_one() {
        moveJaneToSales();
        asHr(() -> edit(company.jane, p -> new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(),
                p.orgUnitId(), p.managerId(), EmploymentStatus.TERMINATED, p.startDate(), LocalDate.of(2026, 12, 4))));

        runJob();
        assertThat(triggersOf(company.jane)).extracting(ReviewTriggerRecord::getKind, ReviewTriggerRecord::getStatus).containsExactly(
                tuple(Trigger.Kind.MOVER, Trigger.Status.SKIPPED), tuple(Trigger.Kind.LEAVER, Trigger.Status.LAUNCHED));
        assertThat(triggersOf(company.jane).getFirst().getOutcome()).startsWith("Covered by the leaver review of the same person");
    }

    @Test
    void a_trigger_turned_off_records_nothing() {
        TriggerSettings on = triggered.settings();
        triggered.saveSettings(new TriggerSettings(false, true, false, on.dueDays(), on.owner(), on.version()));
        moveJaneToSales();
        loginAs("ivy", Role.SECURITY_ANALYST);
        links.link(EntityRef.of(TestIncidents.TYPE, 77), EntityRef.of("reviews.system", erp.id()), null);

        assertThat(triggersOf(company.jane)).isEmpty();
        assertThat(dsl.fetchCount(REVIEW_TRIGGER, REVIEW_TRIGGER.SYSTEM_ID.eq(erp.id()))).isZero();
    }

    @Test
    void an_incident_linked_to_a_system_reviews_all_of_a_small_systems_access_and_a_big_systems_privileged_access() {
        loginAs("ivy", Role.SECURITY_ANALYST);
        links.link(EntityRef.of(TestIncidents.TYPE, 12), EntityRef.of("reviews.system", erp.id()), "attacker used an admin account");
        ReviewTriggerRecord t = dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.SYSTEM_ID.eq(erp.id())).fetchSingle();
        assertThat(t.getKind()).isEqualTo(Trigger.Kind.INCIDENT);
        assertThat(t.getCampaignName()).isEqualTo("Incident INC-12 review: ERP");
        assertThat(t.getReason()).isEqualTo("Incident INC-12 Laptop stolen was linked to ERP by ivy");

        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 120; i++) {
            big.append("user").append(i).append(",READ,,,User ").append(i).append(",\n");
        }
        big.append("user1,ROOT,,,User 1,\nuser2,ROOT,,,User 2,\n");
        SystemInfo warehouse = system("Warehouse");
        importCsv(warehouse, big.toString());
        bean(SystemService.class).setPrivileged(warehouse.id(), "ROOT", true);
        links.link(EntityRef.of("reviews.system", warehouse.id()), EntityRef.of(TestIncidents.TYPE, 12), null);

        runJob();
        Campaign small = bean(CampaignService.class).find(triggerOf(erp).getCampaignId()).orElseThrow();
        assertThat(small.items()).as("the ERP has 7 grants: all reviewed").isEqualTo(7);
        assertThat(small.definition().privilegedOnly()).isFalse();
        assertThat(dsl.selectDistinct(REVIEW_ITEM.REVIEWER).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(small.id())).fetch(REVIEW_ITEM.REVIEWER))
                .as("the system has no owner: its review goes to the fallback, the owner of triggered reviews")
                .containsExactly(company.user("fiona"));
        Campaign privileged = bean(CampaignService.class).find(triggerOf(warehouse).getCampaignId()).orElseThrow();
        assertThat(privileged.definition().privilegedOnly()).isTrue();
        assertThat(dsl.select(REVIEW_ITEM.ACCOUNT_NAME).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(privileged.id()))
                .fetch(REVIEW_ITEM.ACCOUNT_NAME)).containsExactlyInAnyOrder("user1", "user2");

        // unlinked and linked again: the review of this incident and system is not launched twice
        var linked = links.linksOf(EntityRef.of("reviews.system", erp.id())).visible().getFirst();
        links.unlink(linked.linkId());
        links.link(EntityRef.of(TestIncidents.TYPE, 12), EntityRef.of("reviews.system", erp.id()), null);
        assertThat(dsl.fetchCount(REVIEW_TRIGGER, REVIEW_TRIGGER.SYSTEM_ID.eq(erp.id()))).isEqualTo(1);
    }

    @Test
    void settings_refuse_bad_due_days_an_owner_without_the_permission_and_a_stale_version() {
        TriggerSettings now = triggered.settings();
        for (int bad : new int[]{0, 1000}) {
            assertThatThrownBy(() -> triggered.saveSettings(new TriggerSettings(true, true, true, bad, null, now.version())))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                            .containsExactly(tuple("dueDays", "A triggered review is due in 1 to 90 days")));
        }
        assertThatThrownBy(() -> triggered.saveSettings(new TriggerSettings(true, true, true, 7, company.user("maria"), now.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("owner"));
        assertThatThrownBy(() -> triggered.saveSettings(new TriggerSettings(true, true, true, 7, null, now.version() + 1)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(triggered.saveSettings(new TriggerSettings(true, false, true, 14, null, now.version())))
                .isEqualTo(new TriggerSettings(true, false, true, 14, null, now.version() + 1));
        assertThat(triggered.currentOwner()).as("no owner configured: the first access-review administrator")
                .contains(bean(TriggerOwners.class).administrators().getFirst());
        assertThat(bean(TriggerOwners.class).administrators()).contains(company.user("fiona")).doesNotContain(company.user("maria"));
        assertThat(dsl.fetchCount(dsl.selectOne().from("platform.audit_log").where("entity_type = 'trigger_settings' and action = 'UPDATE'")))
                .as("settings changes are audited").isPositive();
    }

    private void moveJaneToSales() {
        asHr(() -> edit(company.jane, p -> new PersonForm(p.id(), p.version(), p.employeeId(), p.fullName(), p.email(), p.title(), sales,
                sam, p.status(), p.startDate(), p.endDate())));
    }

    /** The job as the platform runs it (as the system, under its locks), now. */
    private void runJob() {
        var job = scheduler.find("reviews.triggered-reviews").orElseThrow();
        jobs.runTick(job.getKey(), job.getValue(), true);
        loginAs("ivy", Role.SECURITY_ANALYST);
    }

    private List<ReviewTriggerRecord> triggersOf(long personId) {
        return dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.PERSON_ID.eq(personId)).orderBy(REVIEW_TRIGGER.ID).fetch();
    }

    private ReviewTriggerRecord triggerOf(SystemInfo system) {
        return dsl.selectFrom(REVIEW_TRIGGER).where(REVIEW_TRIGGER.SYSTEM_ID.eq(system.id())).fetchSingle();
    }

    private List<org.assertj.core.groups.Tuple> items(long campaignId) {
        return dsl.select(REVIEW_ITEM.PERSON_ID, REVIEW_ITEM.SYSTEM_ID, REVIEW_ITEM.ENTITLEMENT, REVIEW_ITEM.REVIEWER).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).fetch()
                .map((Record4<Long, Long, String, String> r) -> tuple(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private int recordedSummaries() {
        return dsl.fetchCount(dsl.selectOne().from("platform.audit_log").where("entity_type = 'review_trigger' and action = 'RECORD'"));
    }

    private void importPeople(String csv) {
        asHr(() -> {
            ImportPlan plan = peopleImport.prepare(csv.getBytes(StandardCharsets.UTF_8), "people.csv", ImportProgress.NONE, () -> false);
            assertThat(plan.errors()).isEmpty();
            return peopleImport.commit(plan);
        });
    }

    private void edit(long personId, java.util.function.Function<Person, PersonForm> change) {
        people.save(change.apply(people.find(personId).orElseThrow()));
    }

    /** As an HR administrator of the directory (who holds no access-review permission). */
    private <T> T asHr(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("hr-" + company.suffix, null,
                List.of(new SimpleGrantedAuthority("platform.people.manage"), new SimpleGrantedAuthority("platform.people.read"),
                        new SimpleGrantedAuthority("platform.users.manage"))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private void asHr(Runnable work) {
        asHr(() -> {
            work.run();
            return null;
        });
    }
}
