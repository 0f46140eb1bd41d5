package dev.steward.vendors.imports;

import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.vendors.Countries;
import dev.steward.vendors.processing.ProcessingForm;
import dev.steward.vendors.processing.Purpose;
import dev.steward.vendors.processing.Relationship;
import dev.steward.vendors.processing.TransferMechanism;
import dev.steward.vendors.processing.Volume;
import dev.steward.vendors.registry.AccessLevel;
import dev.steward.vendors.registry.Criticality;
import dev.steward.vendors.registry.VendorForm;
import dev.steward.vendors.registry.VendorStatus;
import dev.steward.platform.export.SafeCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a vendor CSV ({@link VendorCsv}) into drafts, collecting every problem with its line and column instead of
 * stopping at the first. What it needs from the database comes through {@link Lookups}.
 */
final class VendorCsvReader {

    /** Database facts the checks need, loaded once per file. */
    interface Lookups {
        boolean vendorExists(String legalName);

        /** The person with this email (case-insensitive) or employee id; empty when none or several. */
        Optional<Long> person(String emailOrEmployeeId);

        boolean catalogued(String kind, String code);
    }

    record ServiceDraft(long line, String name, String description, List<ProcessingDraft> processing) {
    }

    record ProcessingDraft(long line, ProcessingForm form) {
        ProcessingForm forService(long serviceId) {
            ProcessingForm f = form;
            return new ProcessingForm(null, 0, serviceId, f.relationship(), f.dataCategories(), f.subjectTypes(), f.purposes(), f.volume(),
                    f.specialCategory(), f.children(), f.processingCountries(), f.storageCountries(), f.transferMechanism(), f.notes());
        }
    }

    record VendorDraft(long line, VendorForm form, LocalDate nextReviewOn, Map<String, ServiceDraft> services) {
    }

    record Result(List<VendorDraft> vendors, List<Problem> problems) {
    }

    private final Lookups lookups;
    private final List<Problem> problems = new ArrayList<>();
    private final CellChecks checks;
    private final Map<String, VendorDraft> vendors = new LinkedHashMap<>();
    private final Map<String, List<String>> vendorCells = new LinkedHashMap<>();

    VendorCsvReader(Lookups lookups) {
        this.lookups = lookups;
        this.checks = new CellChecks(lookups, problems);
    }

    Result read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    /** Reads an uploaded file as it streams (never whole in memory). */
    Result read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            return failed("The uploaded file could not be read: " + e.getMessage());
        }
    }

    private Result read(InputStream in) {
        try (PushbackReader text = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            int first = text.read();
            while (first == '\uFEFF' || (first >= 0 && Character.isWhitespace(first))) {
                first = text.read();
            }
            if (first < 0) {
                return failed("The file is empty");
            }
            text.unread(first);
            return parse(text);
        } catch (CharacterCodingException e) {
            return failed(NOT_UTF8);
        } catch (IOException e) {
            return failed("Not a readable CSV file: " + e.getMessage());
        }
    }

    private static final String NOT_UTF8 = "The file is not UTF-8 text; save it as CSV UTF-8";

    private Result parse(Reader text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get())) {
            List<String> header = parser.getHeaderNames();
            List<String> unknown = header.stream().filter(h -> !VendorCsv.COLUMNS.contains(h)).toList();
            if (!unknown.isEmpty()) {
                problems.add(new Problem(1, unknown.getFirst(), "Unknown column; the columns are " + String.join(", ", VendorCsv.COLUMNS)));
            }
            if (!header.contains("legal_name")) {
                problems.add(new Problem(1, "legal_name", "The header needs a legal_name column"));
            }
            if (!problems.isEmpty()) {
                return new Result(List.of(), problems);
            }
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > VendorCsv.MAX_ROWS) {
                    return failed("More than " + VendorCsv.MAX_ROWS + " rows; split the file");
                }
                row(record.getRecordNumber() + 1, column -> record.isMapped(column) ? SafeCsv.restore(record.get(column)) : "");
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            boolean notUtf8 = e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException;
            return failed(notUtf8 ? NOT_UTF8 : "Not a readable CSV file: " + e.getMessage());
        }
        if (vendors.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, null, "The file has a header but no rows"));
        }
        return new Result(List.copyOf(vendors.values()), problems);
    }

    private void row(long line, Function<String, String> cell) {
        String legalName = cell.apply("legal_name");
        if (legalName.isBlank()) {
            problems.add(new Problem(line, "legal_name", "Empty; every row names its vendor"));
            return;
        }
        String key = legalName.toLowerCase(Locale.ROOT);
        List<String> cells = VendorCsv.VENDOR_COLUMNS.stream().map(cell).toList();
        VendorDraft vendor = vendors.get(key);
        if (vendor == null) {
            vendor = vendor(line, legalName, cell);
            if (vendor == null) {
                return;
            }
            vendors.put(key, vendor);
            vendorCells.put(key, cells);
        } else {
            List<String> first = vendorCells.get(key);
            for (int i = 1; i < cells.size(); i++) { // 0 is the legal name, matched without regard to case
                if (!cells.get(i).equals(first.get(i)) && !cells.get(i).isEmpty()) {
                    problems.add(new Problem(line, VendorCsv.VENDOR_COLUMNS.get(i), "Differs from line " + vendor.line()
                            + " of the same vendor ('" + first.get(i) + "'); a vendor's columns must agree on every row"));
                    return;
                }
            }
        }
        service(line, vendor, cell);
    }

    private VendorDraft vendor(long line, String legalName, Function<String, String> cell) {
        int before = problems.size();
        if (legalName.length() > 300) {
            problems.add(new Problem(line, "legal_name", "At most 300 characters"));
        } else if (lookups.vendorExists(legalName)) {
            problems.add(new Problem(line, "legal_name", "'" + legalName + "' is already in the registry"));
        }
        String hq = cell.apply("hq_country").isBlank() ? null : checks.check(line, "hq_country", () -> Countries.require("hq_country", cell.apply("hq_country")));
        VendorStatus status = checks.choice(line, "status", cell.apply("status"), VendorStatus.class, VendorStatus.PROSPECT);
        Criticality criticality = checks.choice(line, "criticality", cell.apply("criticality"), Criticality.class, Criticality.MEDIUM);
        AccessLevel access = checks.choice(line, "access_level", cell.apply("access_level"), AccessLevel.class, AccessLevel.NONE);
        Long owner = null;
        if (!cell.apply("owner").isBlank()) {
            owner = lookups.person(cell.apply("owner")).orElse(null);
            if (owner == null) {
                problems.add(new Problem(line, "owner", "No single person with the email or employee id '" + cell.apply("owner")
                        + "' in the people directory"));
            }
        }
        LocalDate nextReview = checks.date(line, "next_review_on", cell.apply("next_review_on"));
        if (problems.size() > before) {
            return null;
        }
        VendorForm form = new VendorForm(null, 0, legalName, blank(cell.apply("trading_name")), blank(cell.apply("website")), hq, status, owner,
                criticality, access, blank(cell.apply("description")), List.of());
        return new VendorDraft(line, form, nextReview, new LinkedHashMap<>());
    }

    private void service(long line, VendorDraft vendor, Function<String, String> cell) {
        String name = cell.apply("service");
        boolean processing = VendorCsv.PROCESSING_COLUMNS.stream().anyMatch(c -> !cell.apply(c).isBlank());
        if (name.isBlank()) {
            if (processing) {
                problems.add(new Problem(line, "service", "Empty, but the row describes processing; name the service that does it"));
            }
            return;
        }
        ServiceDraft service = vendor.services().computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new ServiceDraft(line, name, blank(cell.apply("service_description")), new ArrayList<>()));
        if (processing) {
            processing(line, cell).ifPresent(p -> service.processing().add(p));
        }
    }

    private Optional<ProcessingDraft> processing(long line, Function<String, String> cell) {
        int before = problems.size();
        Relationship relationship = checks.choice(line, "relationship", cell.apply("relationship"), Relationship.class, null);
        if (relationship == null && cell.apply("relationship").isBlank()) {
            problems.add(new Problem(line, "relationship", "Empty; say processor, sub_processor, joint_controller or independent_controller"));
        }
        Set<String> categories = checks.codes(line, "data_categories", "DATA_CATEGORY", cell.apply("data_categories"), "personal-data category");
        Set<String> subjects = checks.codes(line, "subject_types", "SUBJECT_TYPE", cell.apply("subject_types"), "data-subject type");
        List<Purpose> purposes = checks.purposes(line, cell.apply("purposes"));
        Volume volume = checks.choice(line, "volume", cell.apply("volume"), Volume.class, null);
        if (volume == null && cell.apply("volume").isBlank()) {
            problems.add(new Problem(line, "volume", "Empty; say under_1k, under_100k, under_1m or over_1m"));
        }
        Set<String> processedIn = checks.countries(line, "processing_countries", cell.apply("processing_countries"));
        if (processedIn.isEmpty() && cell.apply("processing_countries").isBlank()) {
            problems.add(new Problem(line, "processing_countries", "Empty; name at least one country where the data is processed"));
        }
        Set<String> storedIn = checks.countries(line, "storage_countries", cell.apply("storage_countries"));
        TransferMechanism mechanism = checks.choice(line, "transfer_mechanism", cell.apply("transfer_mechanism"), TransferMechanism.class, null);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ProcessingDraft(line, new ProcessingForm(null, 0, 0, relationship, categories, subjects, purposes, volume, false, false,
                processedIn, storedIn, mechanism, null)));
    }

    private Result failed(String reason) {
        return new Result(List.of(), List.of(new Problem(0, null, reason)));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
