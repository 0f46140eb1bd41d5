package dev.steward.platform.export;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A report as PDF (landscape A4): title, metadata lines, then tables; every page has a footer with the title, the
 * page number and when it was generated. Tables are written out every {@value #FLUSH_ROWS} rows, so a long table
 * does not pile up in memory. Text uses Helvetica (Latin scripts).
 */
public final class PdfReport implements AutoCloseable {

    static final int FLUSH_ROWS = 200;
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font META = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font HEADER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private final Document document;
    private PdfPTable table;
    private int pendingRows;

    private PdfReport(OutputStream out, String title, org.openpdf.text.Rectangle page) {
        document = new Document(page, 36, 36, 36, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String generated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(title + " · page " + w.getPageNumber() + " · generated " + generated + " by Steward", META),
                        (d.left() + d.right()) / 2, d.bottom() - 18, 0);
            }
        });
        document.addTitle(title);
        document.addCreator("Steward");
        document.open();
        document.add(new Paragraph(title, TITLE));
    }

    /** A report of tables, A4 landscape. */
    public static PdfReport start(OutputStream out, String title) {
        return new PdfReport(out, title, PageSize.A4.rotate());
    }

    /** A letter or notice of running text, A4 portrait. */
    public static PdfReport letter(OutputStream out, String title) {
        return new PdfReport(out, title, PageSize.A4);
    }

    public PdfReport meta(String label, Object value) {
        document.add(new Paragraph(label + ": " + (value == null ? "" : value), META));
        return this;
    }

    /** A paragraph of running text (a letter, a notice); blank lines in {@code text} separate paragraphs. */
    public PdfReport text(String text) {
        finishTable();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            Paragraph p = new Paragraph(paragraph.strip(), BODY);
            p.setSpacingAfter(6);
            document.add(p);
        }
        return this;
    }

    /** Starts a table; rows follow with {@link #row}. */
    public PdfReport table(String... headers) {
        finishTable();
        document.add(new Paragraph(" ", META));
        table = new PdfPTable(headers.length);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, HEADER));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        return this;
    }

    public PdfReport row(Object... cells) {
        for (Object value : cells) {
            table.addCell(new PdfPCell(new Phrase(value == null ? "" : value.toString(), CELL)));
        }
        if (++pendingRows >= FLUSH_ROWS) {
            document.add(table);
            pendingRows = 0;
        }
        return this;
    }

    private void finishTable() {
        if (table != null) {
            table.setComplete(true);
            document.add(table);
            table = null;
            pendingRows = 0;
        }
    }

    @Override
    public void close() {
        try {
            finishTable();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not finish the PDF", e);
        } finally {
            document.close();
        }
    }
}
