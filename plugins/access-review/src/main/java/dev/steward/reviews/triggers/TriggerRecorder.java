package dev.steward.reviews.triggers;

import dev.steward.platform.audit.AuditEvent;
import dev.steward.platform.audit.AuditTrail;
import dev.steward.platform.notifications.Notification;
import dev.steward.platform.notifications.NotificationService;
import dev.steward.platform.spi.EntityLinkProvider;
import dev.steward.platform.spi.PeopleChanged;
import dev.steward.platform.spi.PlatformEventListener;
import dev.steward.platform.spi.RecordsLinked;
import dev.steward.reviews.ReviewPermissions;
import dev.steward.reviews.db.tables.records.ReviewTriggerRecord;
import dev.steward.reviews.db.tables.records.TriggerSettingsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.steward.reviews.db.Tables.REVIEW_TRIGGER;
import static dev.steward.reviews.db.Tables.SYSTEM;
import static org.jooq.impl.DSL.val;

/**
 * Records a pending trigger for each event that calls for a micro-review, in the transaction of the change itself (the
 * platform calls listeners there): the trigger commits with the move, the termination or the link, or not at all. One
 * set-based statement per kind, whatever the size of the import; the names and the reason are written now, as the
 * directory says them at the change. The launch is {@link TriggeredReviews#launchPending}'s.
 */
@Component
class TriggerRecorder implements PlatformEventListener {

    /**
     * More movers than this in one import is a reorganisation, not a few people changing jobs: their triggers are recorded
     * as skipped, with that reason, and the owner is told once to review the org units with a regular campaign.
     */
    static final int MAX_MOVERS_PER_CHANGE = 500;

    /** The link type of this plugin's systems (integration.SystemLinks). */
    static final String SYSTEM_TYPE = "reviews.system";

    private static final String LEAVERS = """
            insert into reviews.review_trigger (kind, person_id, campaign_name, reason, detected_by)
            select 'LEAVER', p.id, left('Leaver review: ' || p.full_name, 200),
                   left(p.full_name || ' became terminated' || coalesce(' (end date ' || to_char(p.end_date, 'YYYY-MM-DD') || ')', '')
                        || ', was ' || case l.previous when 'LEAVE' then 'on leave' else 'active' end || ' (' || {2} || ')', 500),
                   {3}
            from unnest(cast({0} as bigint[]), cast({1} as varchar[])) as l(person_id, previous)
            join platform.person p on p.id = l.person_id""";

    private static final String MOVERS = """
            insert into reviews.review_trigger (kind, person_id, campaign_name, reason, detected_by, status, outcome, processed_at)
            select 'MOVER', p.id, left('Mover review: ' || p.full_name || ' (' || f.name || ' \u2192 ' || t.name || ')', 200),
                   left(p.full_name || ' moved from ' || f.name || ' to ' || t.name || coalesce(', now managed by ' || mg.full_name, '')
                        || ' (' || {3} || ')', 500),
                   {4}, case when {5} then 'SKIPPED' else 'PENDING' end, case when {5} then {6} end, case when {5} then now() end
            from unnest(cast({0} as bigint[]), cast({1} as bigint[]), cast({2} as bigint[])) as m(person_id, from_unit, to_unit)
            join platform.person p on p.id = m.person_id
            join platform.org_unit f on f.id = m.from_unit
            join platform.org_unit t on t.id = m.to_unit
            left join platform.person mg on mg.id = p.manager_id""";

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final NotificationService notifications;
    private final TriggerOwners owners;

    TriggerRecorder(DSLContext dsl, AuditTrail audit, NotificationService notifications, TriggerOwners owners) {
        this.dsl = dsl;
        this.audit = audit;
        this.notifications = notifications;
        this.owners = owners;
    }

    @Override
    public void peopleChanged(PeopleChanged event) {
        TriggerSettingsRecord settings = TriggerOwners.settings(dsl);
        String source = event.source() == PeopleChanged.Source.EDIT ? "people directory edit by " + event.actor()
                : "people import " + event.detail() + " by " + event.actor();
        int leavers = 0;
        Set<Long> leaving = Set.of();
        if (settings.getLeaver() && !event.terminations().isEmpty()) {
            leaving = event.terminations().stream().map(PeopleChanged.Termination::personId).collect(Collectors.toSet());
            leavers = dsl.execute(LEAVERS,
                    val(event.terminations().stream().map(PeopleChanged.Termination::personId).toArray(Long[]::new), SQLDataType.BIGINT.array()),
                    val(event.terminations().stream().map(t -> t.previous().name()).toArray(String[]::new), SQLDataType.VARCHAR.array()),
                    val(source), val(event.actor()));
        }
        Set<Long> reviewedAsLeavers = leaving;
        // a person who moved and left is reviewed once, as a leaver
        List<PeopleChanged.Move> moves = event.moves().stream().filter(m -> !reviewedAsLeavers.contains(m.personId())).toList();
        int movers = 0;
        boolean reorganisation = moves.size() > MAX_MOVERS_PER_CHANGE;
        if (settings.getMover() && !moves.isEmpty()) {
            String skipped = "One of " + moves.size() + " people moved at once (" + source + "): a reorganisation is reviewed with a"
                    + " regular campaign over the org units, not " + moves.size() + " micro-reviews";
            movers = dsl.execute(MOVERS,
                    val(moves.stream().map(PeopleChanged.Move::personId).toArray(Long[]::new), SQLDataType.BIGINT.array()),
                    val(moves.stream().map(PeopleChanged.Move::fromOrgUnitId).toArray(Long[]::new), SQLDataType.BIGINT.array()),
                    val(moves.stream().map(PeopleChanged.Move::toOrgUnitId).toArray(Long[]::new), SQLDataType.BIGINT.array()),
                    val(source), val(event.actor()), val(reorganisation, SQLDataType.BOOLEAN), val(skipped.length() > 500 ? skipped.substring(0, 500) : skipped));
            if (reorganisation) {
                owners.owner(settings).ifPresent(owner -> notifications.send(new Notification(ReviewPermissions.PLUGIN_ID,
                        "reviews.triggered-reorganisation", owner, "No micro-reviews for " + moves.size() + " moves at once",
                        skipped + ". Launch a campaign over the org units concerned.", "reviews/campaigns", Map.of("moves", moves.size()))));
            }
        }
        if (leavers + movers > 0) {
            // set-based inserts are not seen by the record listener: one summary entry, as for the other bulk writes
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("source", source);
            summary.put("leavers", leavers);
            summary.put("movers", movers);
            summary.put("moversSkippedAsReorganisation", reorganisation ? movers : 0);
            audit.record(AuditEvent.of(ReviewPermissions.PLUGIN_ID, "review_trigger", null, "RECORD").after(summary)
                    .reason("Triggered access reviews"));
        }
    }

    @Override
    public void recordsLinked(RecordsLinked event) {
        var system = event.end(SYSTEM_TYPE);
        if (system.isEmpty() || !TriggerOwners.settings(dsl).getIncident()) {
            return;
        }
        RecordsLinked.End incident = event.other(system.get());
        if (incident.kind() != EntityLinkProvider.Kind.CASE || !system.get().ref().id().matches("\\d{1,18}")) {
            return;
        }
        long systemId = Long.parseLong(system.get().ref().id());
        String systemName = dsl.select(SYSTEM.NAME).from(SYSTEM).where(SYSTEM.ID.eq(systemId)).fetchOne(SYSTEM.NAME);
        String caseRef = incident.ref().toString();
        if (systemName == null || dsl.fetchExists(REVIEW_TRIGGER, REVIEW_TRIGGER.CASE_REF.eq(caseRef), REVIEW_TRIGGER.SYSTEM_ID.eq(systemId),
                REVIEW_TRIGGER.STATUS.in(Trigger.Status.PENDING, Trigger.Status.LAUNCHED))) {
            return; // linked again after an unlink: the review of this incident and system is under way or done
        }
        ReviewTriggerRecord r = dsl.newRecord(REVIEW_TRIGGER);
        r.setKind(Trigger.Kind.INCIDENT);
        r.setSystemId(systemId);
        r.setCaseRef(caseRef.length() > 300 ? caseRef.substring(0, 300) : caseRef);
        r.setCampaignName(shorten(incident.label() + " " + reference(incident.title()) + " review: " + systemName, 200));
        r.setReason(shorten(incident.label() + " " + incident.title() + " was linked to " + systemName + " by " + event.actor(), 500));
        r.setDetectedBy(event.actor());
        r.store(); // a record: audited by the platform
    }

    /** The reference a case's title starts with ("INC-12 Database copied" gives "INC-12"), or the whole title. */
    static String reference(String title) {
        String first = title.strip().split("\\s+", 2)[0];
        return first.length() <= 30 && first.matches(".*\\d.*") ? first : title.strip();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
