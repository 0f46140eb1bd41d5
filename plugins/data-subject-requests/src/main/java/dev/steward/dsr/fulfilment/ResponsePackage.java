package dev.steward.dsr.fulfilment;

import dev.steward.platform.export.SafeCsv;
import dev.steward.platform.validation.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The data package of an access or portability response: a zip with the categories held (sources, purposes,
 * recipients, retention) and, when specific pieces are asked for, the pieces themselves, each as CSV and as JSON.
 * It refuses, naming the field, anything the policy says is never disclosed ({@link NeverDisclose}): the package is
 * not built at all, so that nobody has to remember to take it out.
 */
final class ResponsePackage {

    /** One category of data held about the requester, with where it came from, why, who received it and how long it is kept. */
    record CategoryFacts(String code, String name, List<String> sources, List<String> purposes, List<String> recipients, String retention) {
    }

    /** One piece of data: the field of a record in a holder, with its value as stored and its catalogue category when known. */
    record Piece(String holder, String record, String field, String value, String category) {

        Piece(String holder, String record, String field, String value) {
            this(holder, record, field, value, null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponsePackage() {
    }

    /** @param pieces the specific pieces (empty when only the categories were asked for) */
    static byte[] build(String reference, List<CategoryFacts> categories, List<Piece> pieces) {
        refuseNeverDisclosed(categories, pieces);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "README.txt", readme(reference, !pieces.isEmpty()).getBytes(StandardCharsets.UTF_8));
            entry(zip, "categories.csv", csv(out -> {
                try (SafeCsv csv = SafeCsv.open(out, "category", "name", "sources", "purposes", "recipients", "retention")) {
                    categories.forEach(c -> csv.row(c.code(), c.name(), String.join("; ", c.sources()), String.join("; ", c.purposes()),
                            String.join("; ", c.recipients()), c.retention()));
                }
            }));
            entry(zip, "categories.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("request", reference,
                    "categories", categories.stream().map(ResponsePackage::json).toList())));
            if (!pieces.isEmpty()) {
                entry(zip, "data.csv", csv(out -> {
                    try (SafeCsv csv = SafeCsv.open(out, "source", "record", "field", "value")) {
                        pieces.forEach(p -> csv.row(p.holder(), p.record(), p.field(), p.value()));
                    }
                }));
                entry(zip, "data.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("request", reference,
                        "data", pieces.stream().map(p -> ordered("source", p.holder(), "record", p.record(), "field", p.field(), "value", p.value())).toList())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The refusal naming the field, where it is and what the policy calls it; nothing was built. */
    static InvalidInputException refusal(String field, String where, String what) {
        return new InvalidInputException("package", "Refused: \"" + field + "\" in " + where + " is " + what
                + ": the policy says it is never disclosed in answer to a request. Leave it out of the export and prepare the response again.");
    }

    static void refuseNeverDisclosed(List<CategoryFacts> categories, List<Piece> pieces) {
        for (Piece p : pieces) {
            if (p.category() != null && NeverDisclose.CATEGORIES.contains(p.category())) {
                throw refusal(p.field(), p.holder() + (p.record() == null ? "" : " (" + p.record() + ")"),
                        "in the category " + p.category());
            }
            NeverDisclose.field(p.field()).ifPresent(what -> {
                throw refusal(p.field(), p.holder() + (p.record() == null ? "" : " (" + p.record() + ")"), what);
            });
        }
    }

    private static Map<String, Object> json(CategoryFacts c) {
        return ordered("category", c.code(), "name", c.name(), "sources", c.sources(), "purposes", c.purposes(),
                "recipients", c.recipients(), "retention", c.retention());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private interface CsvWriter {
        void write(OutputStream out);
    }

    private static byte[] csv(CsvWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(String reference, boolean pieces) {
        return """
                Your personal data held by us, in answer to request %s.

                categories.csv / categories.json: the categories of personal data we hold about you, where we got them
                (sources), why we use them (purposes), who we disclosed them to (recipients) and how long we keep them.
                %s
                CSV files are UTF-8 with a byte-order mark; JSON files are UTF-8.
                """.formatted(reference, pieces ? """
                data.csv / data.json: the specific pieces of personal data, by system and record, field by field.
                """ : "");
    }
}
