package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.export.PdfReport;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** The letter answering a request: what was asked, what was done where, what was kept and why, what is enclosed. */
final class ResponseLetter {

    private ResponseLetter() {
    }

    /** @param note the officer's own words to the requester, put before the closing lines; null or blank: none */
    static String text(RightsRequest request, List<Task> tasks, List<DeletionException> exceptions, boolean withPackage, String note) {
        StringBuilder text = new StringBuilder();
        text.append("Dear ").append(request.requester().name()).append(",\n\n");
        text.append("On ").append(LocalDate.ofInstant(request.receivedAt(), ZoneOffset.UTC)).append(" you asked us for: ")
                .append(request.types().stream().sorted().map(t -> t.label().toLowerCase()).collect(Collectors.joining(", ")))
                .append(" (our reference ").append(request.reference()).append("). We answered it under ")
                .append(request.regime().label()).append(".\n\n");
        List<Task> done = tasks.stream().filter(t -> t.status() == TaskStatus.DONE).toList();
        if (done.isEmpty()) {
            text.append("We found no personal data about you in our systems or with our service providers.\n\n");
        } else {
            text.append("What we did:\n\n");
            for (Task t : done) {
                text.append("- ").append(sentence(t)).append("\n");
            }
            text.append("\n");
        }
        if (!exceptions.isEmpty()) {
            text.append("We kept the following data, as the law allows:\n\n");
            for (DeletionException e : exceptions) {
                text.append("- ").append(e.categoryName()).append(": ").append(e.reason()).append(" (").append(e.basis().citation())
                        .append(": ").append(e.basis().text()).append(")\n");
            }
            text.append("\n");
        }
        if (withPackage) {
            text.append("Enclosed is your data in a zip file: the categories of personal data we hold about you, their sources, "
                    + "the purposes we use them for, who received them and how long we keep them")
                    .append(request.types().contains(RequestType.ACCESS_SPECIFIC) || request.types().contains(RequestType.PORTABILITY)
                            ? ", and the specific pieces of data, each in CSV and JSON." : ", in CSV and JSON.")
                    .append("\n\nWe never disclose a social security number, driver's licence or other government-issued "
                            + "identification number, financial account number, health information or medical identification number, "
                            + "account password, or security questions and answers in answer to a request.\n\n");
        }
        if (note != null && !note.isBlank()) {
            text.append(note.strip()).append("\n\n");
        }
        text.append("If you are not satisfied with this answer, reply to this letter quoting ").append(request.reference())
                .append("; you may also complain to the data protection authority where you live.\n\nYours sincerely,\n\nThe privacy team");
        return text.toString();
    }

    static byte[] pdf(RightsRequest request, String text) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PdfReport report = PdfReport.letter(pdf, "Your request " + request.reference())) {
            report.text(text);
        }
        return pdf.toByteArray();
    }

    private static String sentence(Task t) {
        String where = t.holderName() + (t.viaName() == null ? "" : " (working for " + t.viaName() + ")");
        return switch (t.action()) {
            case SEARCH -> "Searched " + where + " for your data.";
            case EXPORT -> "Exported your data from " + where + ".";
            case DELETE -> "Deleted your data from " + where + ".";
            case CORRECT -> "Corrected your data in " + where + ".";
            case RESTRICT -> "Restricted the processing of your data in " + where + ".";
            case INSTRUCT_DELETE -> "Instructed our service provider " + where + " to delete your data"
                    + (t.confirmedOn() == null ? "." : "; it confirmed the deletion on " + t.confirmedOn() + ".");
            case INSTRUCT_CORRECT -> "Instructed our service provider " + where + " to correct your data"
                    + (t.confirmedOn() == null ? "." : "; it confirmed the correction on " + t.confirmedOn() + ".");
            case INSTRUCT_RESTRICT -> "Instructed our service provider " + where + " to restrict the processing of your data"
                    + (t.confirmedOn() == null ? "." : "; it confirmed the restriction on " + t.confirmedOn() + ".");
        };
    }
}
