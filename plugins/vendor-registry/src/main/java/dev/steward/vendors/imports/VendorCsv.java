package dev.steward.vendors.imports;

import java.util.List;

/**
 * The CSV format of vendors and their services, for import and for the registry export (the export reads back in).
 * One row per vendor, service and processing; vendor columns repeat on each row of the vendor and must agree. A
 * vendor without services has an empty {@code service}; a service without processing leaves the processing columns
 * empty. Lists are separated by {@code ;}; {@code purposes} are {@code purpose:legal_basis} pairs; codes are the
 * privacy catalogue's; countries ISO 3166 codes; dates YYYY-MM-DD; UTF-8.
 */
public final class VendorCsv {

    public static final List<String> VENDOR_COLUMNS = List.of("legal_name", "trading_name", "website", "hq_country", "status", "criticality",
            "access_level", "owner", "description", "next_review_on");
    public static final List<String> SERVICE_COLUMNS = List.of("service", "service_description");
    public static final List<String> PROCESSING_COLUMNS = List.of("relationship", "data_categories", "subject_types", "purposes", "volume",
            "processing_countries", "storage_countries", "transfer_mechanism");

    /** Every column in file order; only {@code legal_name} is required in the header. */
    public static final List<String> COLUMNS = java.util.stream.Stream.of(VENDOR_COLUMNS, SERVICE_COLUMNS, PROCESSING_COLUMNS)
            .flatMap(List::stream).toList();

    public static final int MAX_ROWS = 200_000;

    private VendorCsv() {
    }
}
