package dev.steward.incidents.documents;

import dev.steward.incidents.IncidentServiceTestBase;
import dev.steward.incidents.Incident;
import dev.steward.incidents.IncidentForm;
import dev.steward.incidents.IncidentService;
import dev.steward.incidents.IncidentType;
import dev.steward.incidents.obligations.Obligation;
import dev.steward.incidents.obligations.ObligationService;
import dev.steward.incidents.work.CustodyEntry;
import dev.steward.incidents.work.CustodyLog;
import dev.steward.incidents.work.Timeline;
import dev.steward.incidents.work.TimelineEntry;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.security.Role;
import dev.steward.platform.validation.ConcurrentChangeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeDocumentsTest extends IncidentServiceTestBase {

    @Autowired
    AttachmentService files;

    NoticeDocuments documents;
    Incident incident;
    Obligation authority;

    @BeforeEach
    void anIncidentWithAnAuthorityNotice() {
        loginAs("olivia", Role.PRIVACY_OFFICER);
        documents = bean(NoticeDocuments.class);
        IncidentForm form = incident("Payroll file emailed to a wrong address", IncidentType.MISDIRECTED, hoursAgo(30));
        form.setAwareAt(hoursAgo(20));
        form.setConfidentiality(true);
        form.setDataCategories(Set.of("payment", "identifiers"));
        form.setIndividuals(240);
        form.setResidents(Map.of("BE", 240));
        form.setConsequences("Possible fraud attempts using bank details");
        incident = bean(IncidentService.class).create(form);
        authority = bean(ObligationService.class).of(incident.id()).getFirst();
    }

    private NoticeTemplate template(String kind) {
        return documents.templates().stream().filter(t -> t.recipientKind().name().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void the_authority_draft_states_the_article_33_3_contents_and_names_what_is_still_unknown() {
        NoticeDocuments.Draft draft = documents.draft(authority.id(), template("AUTHORITY").id());

        assertThat(draft.text()).contains("Our reference: " + incident.reference())
                .contains("Breach of: confidentiality")
                .contains("Approximate number of data subjects concerned: 240, by residence: BE 240")
                .contains("Possible fraud attempts using bank details")
                .doesNotContain("{{");
        assertThat(draft.missing()).containsExactly("the approximate number of records", "the categories of data subjects",
                "the measures taken", "the nature of the breach");
    }

    @Test
    void issuing_keeps_the_pdf_as_evidence_linked_to_the_obligation_and_on_the_timeline() {
        String text = documents.draft(authority.id(), template("AUTHORITY").id()).text() + "\n\nEdited by the DPO.";

        var pdf = documents.issue(authority.id(), text);

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(files.content(pdf.id()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(files.list(CustodyLog.owner(incident.id()), false)).extracting(a -> a.id()).contains(pdf.id());
        assertThat(bean(ObligationService.class).find(authority.id()).orElseThrow().documentId()).isEqualTo(pdf.id());
        assertThat(bean(Timeline.class).of(incident.id())).extracting(TimelineEntry::summary)
                .anyMatch(s -> s.startsWith("Notice generated for GDPR · Lead supervisory authority") && s.contains(pdf.sha256()));
    }

    @Test
    void an_issued_notice_starts_its_chain_of_custody_with_its_sha_256() {
        var pdf = documents.issue(authority.id(), documents.draft(authority.id(), template("AUTHORITY").id()).text());

        assertThat(bean(CustodyLog.class).of(incident.id())).singleElement().satisfies(entry -> {
            assertThat(entry.attachmentId()).isEqualTo(pdf.id());
            assertThat(entry.action()).isEqualTo(CustodyEntry.Action.ISSUED);
            assertThat(entry.actor()).isEqualTo("olivia");
            assertThat(entry.reason()).isEqualTo("Notice for GDPR · Lead supervisory authority issued as PDF; SHA-256 " + pdf.sha256());
        });
    }

    @Test
    void the_placeholders_a_draft_still_contains_are_found_in_the_order_they_appear() {
        String text = documents.draft(authority.id(), template("AUTHORITY").id()).text();

        assertThat(NoticePlaceholders.in(text)).containsExactly("[not yet known]",
                "[name, email and telephone of the DPO or other contact point]");
        assertThat(NoticePlaceholders.in("Dear {{first_name}}, see [1] and [ ]. Regards")).containsExactly("{{first_name}}");
    }

    @Test
    void templates_refuse_unknown_placeholders_and_stale_edits() {
        NoticeTemplate original = template("INDIVIDUALS");
        assertThatThrownBy(() -> documents.save(new NoticeTemplate(original.id(), original.recipientKind(), original.name(),
                "Dear {{first_name}}", original.version()))).hasMessageStartingWith("Unknown placeholder(s): first_name");
        NoticeTemplate saved = documents.save(new NoticeTemplate(original.id(), original.recipientKind(), original.name(),
                original.body() + "\nKind regards", original.version()));
        assertThat(saved.version()).isEqualTo(original.version() + 1);
        assertThatThrownBy(() -> documents.save(original)).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void analysts_may_read_a_draft_but_not_issue_it() {
        loginAs("sam", Role.SECURITY_ANALYST);
        assertThat(documents.draft(authority.id(), template("AUTHORITY").id()).text()).contains(incident.reference());
        assertThatThrownBy(() -> documents.issue(authority.id(), "text"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
