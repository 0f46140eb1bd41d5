package dev.steward.dsr.sample;

import dev.steward.dsr.clocks.ClockActions;
import dev.steward.dsr.clocks.Promises;
import dev.steward.dsr.fulfilment.Response;
import dev.steward.dsr.fulfilment.Responses;
import dev.steward.dsr.fulfilment.SendMethod;
import dev.steward.dsr.intake.Mailboxes;
import dev.steward.dsr.requests.Channel;
import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestForm;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.Requester;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.dsr.verification.DataPoints;
import dev.steward.dsr.verification.PointKind;
import dev.steward.dsr.verification.Verifications;
import dev.steward.platform.spi.SampleContext;
import dev.steward.platform.spi.SampleData;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.RESPONSE;

/**
 * The sample company's rights requests, through the plugin's own services: customers and former employees in
 * California, Germany, the UK and Virginia, by every channel, one through an agent; open ones in every state with
 * live clocks (one nearly due), and closed ones with every outcome, for the metrics.
 */
@Component
class DsrSampleData implements SampleData {

    private final DSLContext dsl;
    private final RightsRequests requests;
    private final RequestTimeline timeline;
    private final Promises promises;
    private final DataPoints points;
    private final Verifications verifications;
    private final ClockActions clocks;
    private final Mailboxes mailboxes;
    private final Responses responses;

    DsrSampleData(DSLContext dsl, RightsRequests requests, RequestTimeline timeline, Promises promises, DataPoints points,
                  Verifications verifications, ClockActions clocks, Mailboxes mailboxes, Responses responses) {
        this.mailboxes = mailboxes;
        this.responses = responses;
        this.dsl = dsl;
        this.requests = requests;
        this.timeline = timeline;
        this.promises = promises;
        this.points = points;
        this.verifications = verifications;
        this.clocks = clocks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean holdsData() {
        return dsl.fetchExists(REQUEST);
    }

    @Override
    public Summary load(SampleContext company) {
        Instant now = company.now();
        // the promise of the sample company's published policy: shorter than CCPA's 45 days, so it decides those due dates
        promises.promise(null, 30, "Privacy policy, \"How can you review, update, or delete the data we collect from you?\": "
                + "\"We will respond to your request within 30 days.\"", "Sample company's published privacy policy");
        String domain = company.company().toLowerCase().replaceAll("[^a-z]", "") + ".example";
        String mailbox = "privacy@" + domain;
        // two published addresses feed one queue, as a company with a US and an international policy has
        mailboxes.add(mailbox, "Privacy policy, \"Contact us\"");
        mailboxes.add("dpo@" + domain, "EU privacy notice, \"Your rights\"");
        List<RightsRequest> made = List.of(
                request(now.minus(Duration.ofHours(5)), Channel.WEB, null, "US-CA", new Requester("Jordan Reyes", "jordan.reyes@example.com", null, null),
                        EnumSet.of(RequestType.DELETION, RequestType.OPT_OUT_SALE), "Please delete my account and stop selling my data."),
                request(now.minus(Duration.ofDays(26)), Channel.EMAIL, mailbox, "DE", new Requester("Lena Hoffmann", "lena.hoffmann@example.de", null, null),
                        EnumSet.of(RequestType.ACCESS_SPECIFIC), "Ich möchte eine Kopie aller Daten, die Sie über mich speichern (Art. 15 DSGVO)."),
                request(now.minus(Duration.ofDays(12)), Channel.POST, "Privacy Office, 1 Harbour Way", "GB",
                        new Requester("Oliver Grant", null, null, "14 Mill Lane, Leeds LS1 4AB"), EnumSet.of(RequestType.CORRECTION),
                        "My surname is misspelt on my invoices and in your records."),
                request(now.minus(Duration.ofDays(3)), Channel.PHONE, null, "US-VA", new Requester("Amelia Brooks", "amelia.brooks@example.com", "+1 804 555 0142", null),
                        EnumSet.of(RequestType.ACCESS_CATEGORIES, RequestType.PORTABILITY), null),
                agentRequest(now.minus(Duration.ofDays(8)), mailbox));
        closed(request(now.minus(Duration.ofDays(70)), Channel.EMAIL, mailbox, "US-CA", new Requester("Sam Whitfield", "sam.w@example.com", null, null),
                EnumSet.of(RequestType.DELETION), null), Outcome.COMPLETED, null);
        closed(request(now.minus(Duration.ofDays(95)), Channel.WEB, null, "US-CA", new Requester("Casey Nguyen", "casey.nguyen@example.com", null, null),
                EnumSet.of(RequestType.DELETION), null), Outcome.TREATED_AS_OPT_OUT,
                "Identity could not be verified to the required degree; as the privacy policy says, the request was treated as an opt-out of sale");
        closed(request(now.minus(Duration.ofDays(120)), Channel.EMAIL, mailbox, "FR", new Requester("Claire Martin", "claire.martin@example.fr", null, null),
                EnumSet.of(RequestType.ACCESS_SPECIFIC), null), Outcome.PARTIALLY_COMPLETED,
                "Internal security logs withheld: disclosure would affect the security of our systems (Art. 15(4) GDPR)");
        closed(request(now.minus(Duration.ofDays(150)), Channel.EMAIL, mailbox, "US-CA", new Requester("Robin Park", "robin.park@example.com", null, null),
                EnumSet.of(RequestType.ACCESS_CATEGORIES), null), Outcome.DENIED,
                "Third request to know within 12 months (Civ. Code 1798.130(b)); the two earlier ones were answered in full");
        timeline.record(made.get(1).id(), RequestTimeline.Kind.NOTE, "", "Asked the requester for her customer number to verify her identity.");
        verified(made.get(2), "Customer number from his last invoice, read out on a call back to the number on file");
        clocks.acknowledge(made.get(3).id(), requests.find(made.get(3).id()).orElseThrow().version());
        return new Summary(made.size() + 4, made.size() + " open and 4 closed rights requests");
    }

    /** Two data points confirmed by the team (no sample customers are in the people directory), then verified. */
    private void verified(RightsRequest request, String how) {
        points.confirmByHand(request.id(), PointKind.NAME, request.requester().name(), how);
        points.confirmByHand(request.id(), PointKind.POSTAL_ADDRESS, request.requester().address(), "Matches the billing address on file");
        verifications.verify(request.id(), requests.find(request.id()).orElseThrow().version(), null);
    }

    private RightsRequest agentRequest(Instant received, String mailbox) {
        RequestForm form = new RequestForm(Channel.EMAIL, mailbox, received, "US-CA", EnumSet.of(RequestType.ACCESS_SPECIFIC, RequestType.DELETION),
                new Requester("Daniel Ortiz", "daniel.ortiz@example.com", null, null), OnBehalf.AGENT, "Privacy Advocates LLC",
                "requests@privacyadvocates.example", "Acting for our client under a signed authorisation, attached.");
        return requests.open(form);
    }

    private RightsRequest request(Instant received, Channel channel, String via, String jurisdiction, Requester who, EnumSet<RequestType> types,
                                  String details) {
        return requests.open(new RequestForm(channel, via, received, jurisdiction, types, who, OnBehalf.SELF, null, null, details));
    }

    private void closed(RightsRequest request, Outcome outcome, String reason) {
        if (outcome == Outcome.COMPLETED || outcome == Outcome.PARTIALLY_COMPLETED) {
            Response response = responses.prepare(request.id());
            responses.recordSent(response.id(), SendMethod.EMAIL, Instant.now());
            Instant sent = request.receivedAt().plus(Duration.ofDays(30));
            dsl.update(RESPONSE).set(RESPONSE.PREPARED_AT, sent.minus(Duration.ofHours(2))).set(RESPONSE.SENT_AT, sent)
                    .where(RESPONSE.ID.eq(response.id())).execute();
        }
        RightsRequest done = requests.close(request.id(), request.version(), outcome, reason);
        // answered some weeks after receipt, not at the moment the sample was loaded
        dsl.update(REQUEST).set(REQUEST.CLOSED_AT, done.receivedAt().plus(Duration.ofDays(outcome == Outcome.DENIED ? 9 : 31)))
                .where(REQUEST.ID.eq(done.id())).execute();
    }
}
