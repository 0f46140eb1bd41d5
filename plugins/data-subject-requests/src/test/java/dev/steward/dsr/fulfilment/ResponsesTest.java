package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.files.AttachmentService;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.steward.dsr.fulfilment.FulfilmentTasksTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponsesTest extends FulfilmentTestBase {

    @Test
    void the_response_waits_for_open_tasks_then_stores_the_letter_and_the_data_package_with_a_response_entry() throws Exception {
        Holder crm = system("CRM", null, "contact", "identifiers");
        Holder plain = processor("Mailer", null, "contact");
        Holder mailer = new Holder(plain.type(), plain.id(), plain.name(), plain.kind(), plain.categories(), null, plain.contactEmail(), null,
                Set.of("marketing", "service_delivery"));
        holders(List.of(crm, mailer), Map.of(requester().email(), List.of(record(crm, "Email", requester().email(), "Plan", "Gold"))));
        RightsRequest request = verified("US-CA", RequestType.ACCESS_SPECIFIC);
        List<Task> tasks = bean(FulfilmentTasks.class).startFulfilment(request.id());
        Responses responses = bean(Responses.class);

        assertThat(responses.readiness(request.id()).reason()).isEqualTo("2 tasks are still open: finish or set them aside first");
        assertField(() -> responses.prepare(request.id()), "request");
        finishAll(tasks);
        Response response = responses.prepare(request.id());

        AttachmentService files = bean(AttachmentService.class);
        Map<String, byte[]> zip = unzip(files.content(response.packageFileId()));
        assertThat(zip).containsKeys("README.txt", "categories.csv", "categories.json", "data.csv", "data.json");
        String categoriesCsv = new String(zip.get("categories.csv"), StandardCharsets.UTF_8);
        assertThat(categoriesCsv.lines().toList()).hasSize(3).first().asString().endsWith("category,name,sources,purposes,recipients,retention");
        assertThat(categoriesCsv).as("purposes by their catalogue labels, from the holders of the category")
                .contains("contact,Contact details,Held in CRM " + suffix + ",Marketing; Service delivery,Mailer " + suffix);
        assertThat(categoriesCsv).contains("identifiers,").contains("Held in CRM " + suffix + "," + ResponseContent.NOT_RECORDED + ",,");
        JsonNode categories = JsonMapper.builder().build().readTree(zip.get("categories.json"));
        assertThat(categories.get("request").asString()).isEqualTo(request.reference());
        assertThat(categories.get("categories")).hasSize(2);
        assertThat(categories.get("categories").get(0).get("recipients").get(0).asString()).isEqualTo("Mailer " + suffix);
        assertThat(categories.get("categories").get(0).get("purposes").get(1).asString()).isEqualTo("Service delivery");
        assertThat(categories.get("categories").get(1).get("recipients")).isEmpty();
        assertThat(categories.get("categories").get(1).get("purposes").get(0).asString()).isEqualTo(ResponseContent.NOT_RECORDED);
        JsonNode data = JsonMapper.builder().build().readTree(zip.get("data.json")).get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(1).get("field").asString()).isEqualTo("Plan");
        assertThat(data.get(1).get("value").asString()).isEqualTo("Gold");
        assertThat(new String(zip.get("data.csv"), StandardCharsets.UTF_8)).contains("CRM " + suffix + "," + requester().email() + ",Plan,Gold");

        String letter = pdfText(files.content(response.letterFileId()));
        assertThat(letter).contains(request.reference()).contains("Dear " + requester().name()).contains("Searched CRM " + suffix)
                .contains("Enclosed is your data").contains("never disclose");
        assertThat(bean(RequestTimeline.class).of(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.RESPONSE);
            assertThat(e.text()).contains(request.reference() + "-response.pdf").contains(request.reference() + "-your-data.zip");
        });
    }

    @Test
    void a_deletion_response_has_a_letter_with_the_processors_confirmations_and_the_exceptions_and_no_package() throws Exception {
        Holder crm = system("CRM", null, "contact", "payment");
        Holder mailer = processor("Mailer", null, "contact");
        holders(crm, mailer);
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        List<Task> tasks = bean(FulfilmentTasks.class).startFulfilment(request.id());
        bean(DeletionExceptions.class).record(request.id(), "payment", ExceptionBasis.CCPA_D8, "Invoices are kept for 7 years for tax law");
        finishAll(tasks);

        Response response = bean(Responses.class).prepare(request.id());

        assertThat(response.packageFileId()).isNull();
        String letter = pdfText(bean(AttachmentService.class).content(response.letterFileId()));
        assertThat(letter).contains("Deleted your data from CRM " + suffix)
                .contains("Instructed our service provider Mailer " + suffix + " to delete your data; it confirmed the deletion on " + LocalDate.now())
                .contains("Payment and financial data: Invoices are kept for 7 years for tax law (Cal. Civ. Code 1798.105(d)(8)");
    }

    @Test
    void the_officers_note_is_previewed_and_stored_in_the_letter_and_the_request_is_complied_with_only_once_the_response_was_sent() throws Exception {
        holders(system("CRM", null, "contact"));
        RightsRequest request = verified("US-CA", RequestType.DELETION);
        finishAll(bean(FulfilmentTasks.class).startFulfilment(request.id()));
        Responses responses = bean(Responses.class);
        String note = "We are sorry it took us three weeks to find your old account " + suffix + ".";

        assertThat(responses.preview(request.id(), note)).contains("Dear " + requester().name()).contains(note + "\n\nIf you are not satisfied");
        assertField(() -> responses.preview(request.id(), "x".repeat(4001)), "note");
        Response response = responses.prepare(request.id(), note);
        assertThat(response.note()).isEqualTo(note);
        assertThat(pdfText(bean(AttachmentService.class).content(response.letterFileId()))).contains(note);

        RightsRequests requests = bean(RightsRequests.class);
        RightsRequest current = requests.find(request.id()).orElseThrow();
        assertThatThrownBy(() -> requests.close(request.id(), current.version(), Outcome.COMPLETED, null))
                .isInstanceOfSatisfying(dev.steward.platform.validation.InvalidInputException.class, e -> assertThat(e.problems().getFirst().message())
                        .contains("cannot be closed as \"complied with in whole\" before a response was sent"));
        assertThat(requests.find(request.id()).orElseThrow().open()).as("nothing closed").isTrue();

        assertField(() -> responses.recordSent(response.id(), null, Instant.now()), "sentVia");
        assertField(() -> responses.recordSent(response.id(), SendMethod.POST, null), "sentAt");
        assertField(() -> responses.recordSent(response.id(), SendMethod.POST, Instant.now().plusSeconds(3600)), "sentAt");
        assertField(() -> responses.recordSent(response.id(), SendMethod.POST, Instant.now().minusSeconds(86_400)), "sentAt");
        assertThat(responses.sent(request.id())).isFalse();
        Response sent = responses.recordSent(response.id(), SendMethod.POST, Instant.now());
        assertThat(sent.sentVia()).isEqualTo(SendMethod.POST);
        assertThat(sent.sentBy()).isEqualTo("olivia");
        assertField(() -> responses.recordSent(response.id(), SendMethod.EMAIL, Instant.now()), "response");
        assertThat(bean(RequestTimeline.class).of(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RequestTimeline.Kind.RESPONSE);
            assertThat(e.text()).isEqualTo("Response sent to the requester by post");
        });

        assertThat(requests.close(request.id(), current.version(), Outcome.COMPLETED, null).outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void a_never_disclose_field_in_a_holders_record_stops_the_response_and_names_the_field() {
        Holder crm = system("CRM", null, "contact");
        holders(List.of(crm), Map.of(requester().email(), List.of(record(crm, "Email", requester().email(), "Security answer", "Rex"))));
        RightsRequest request = verified("US-CA", RequestType.PORTABILITY);
        finishAll(bean(FulfilmentTasks.class).startFulfilment(request.id()));

        assertThatThrownBy(() -> bean(Responses.class).prepare(request.id())).isInstanceOf(dev.steward.platform.validation.InvalidInputException.class)
                .hasMessageContaining("\"Security answer\"");
        assertThat(bean(Responses.class).responses(request.id())).isEmpty();
    }

    @Test
    void exceptions_are_recorded_per_category_with_a_basis_of_the_requests_law_and_bad_input_is_refused() {
        holders(system("CRM", null, "contact"));
        RightsRequest gdpr = verified("DE", RequestType.DELETION);
        DeletionExceptions exceptions = bean(DeletionExceptions.class);

        DeletionException kept = exceptions.record(gdpr.id(), "contact", ExceptionBasis.GDPR_E, "A court case about the order is pending");
        exceptions.record(gdpr.id(), "identifiers", ExceptionBasis.GDPR_B, "Tax law");

        assertThat(exceptions.of(gdpr.id())).extracting(DeletionException::category).containsExactly("contact", "identifiers");
        assertThat(kept.categoryName()).isEqualTo("Contact details");
        assertField(() -> exceptions.record(gdpr.id(), "contact", ExceptionBasis.GDPR_A, "again"), "category");
        assertField(() -> exceptions.record(gdpr.id(), "no-such", ExceptionBasis.GDPR_A, "x"), "category");
        assertField(() -> exceptions.record(gdpr.id(), "usage", ExceptionBasis.CCPA_D1, "x"), "basis");
        assertField(() -> exceptions.record(gdpr.id(), "usage", null, "x"), "basis");
        assertField(() -> exceptions.record(gdpr.id(), "usage", ExceptionBasis.GDPR_A, " "), "reason");
        RightsRequest access = verified("DE", RequestType.ACCESS_CATEGORIES);
        assertField(() -> exceptions.record(access.id(), "usage", ExceptionBasis.GDPR_A, "x"), "request");
        exceptions.remove(kept.id());
        assertThat(exceptions.of(gdpr.id())).extracting(DeletionException::category).containsExactly("identifiers");
    }

    private void finishAll(List<Task> tasks) {
        TaskOutcomes outcomes = bean(TaskOutcomes.class);
        for (Task t : tasks) {
            if (t.open()) {
                outcomes.complete(t.id(), t.version(), t.action().needsConfirmation()
                        ? TaskCompletion.confirmed("Instructed by email", LocalDate.now(), "REF-" + t.id()) : TaskCompletion.of("Done"));
            }
        }
    }

    private static SubjectRecord record(Holder holder, String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new SubjectRecord(holder.type(), holder.id(), holder.name(), fieldsAndValues[1], fields);
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
