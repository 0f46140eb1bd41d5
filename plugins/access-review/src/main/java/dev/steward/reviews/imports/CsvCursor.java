package dev.steward.reviews.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads an RFC 4180 file (comma, double quotes, {@code ""} inside quotes; lines ending in CRLF, LF or CR; a UTF-8 BOM
 * allowed) record by record, without copying a field until it is asked for: an import reads a few columns of a
 * million records, and a general CSV library spent half of the import's time building every field. The file is
 * decoded once, strictly (bytes that are not UTF-8 are an error, never replaced). Empty lines are skipped.
 */
final class CsvCursor {

    /** The file is not CSV: a quote left open, or text after a closing quote. */
    static final class MalformedCsvException extends Exception {
        MalformedCsvException(String message) {
            super(message, null, false, false);
        }
    }

    /** The file is not UTF-8 text; {@link #line()} is the line of its first invalid byte. */
    static final class NotUtf8Exception extends CharacterCodingException {
        private final long line;

        NotUtf8Exception(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final char[] text;
    private final int end;
    private int pos;
    private long records;
    /** The line of the file {@code pos} is on (a CRLF, an LF or a lone CR ends a line). */
    private long lineAtPos = 1;
    /** The line the current record starts on. */
    private long line;
    private int fields;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];

    private CsvCursor(CharBuffer decoded) {
        this.text = decoded.array();
        this.end = decoded.limit();
        this.pos = end > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    static CsvCursor of(byte[] file) throws NotUtf8Exception {
        return of(ByteBuffer.wrap(file));
    }

    /**
     * An uploaded file, memory-mapped rather than read onto the heap: the bytes are decoded straight from the page cache
     * into the text the cursor walks, as fast as from an array, and only the decoded text is kept.
     */
    static CsvCursor of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return of(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private static CsvCursor of(ByteBuffer bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded = CharBuffer.allocate(bytes.remaining() + 1); // UTF-8 never decodes to more chars than bytes
        int start = bytes.position();
        CoderResult result = decoder.decode(bytes, decoded, true);
        if (result.isError()) {
            throw new NotUtf8Exception(lineOf(bytes, start, bytes.position()));
        }
        decoder.flush(decoded);
        decoded.flip();
        return new CsvCursor(decoded);
    }

    /** The line the byte at {@code at} is on, counted as {@link #next} counts them. */
    private static long lineOf(ByteBuffer bytes, int from, int at) {
        long line = 1;
        for (int i = from; i < at; i++) {
            byte b = bytes.get(i);
            if (b == '\n' || b == '\r' && (i + 1 >= at || bytes.get(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() throws MalformedCsvException {
        while (pos < end && (text[pos] == '\n' || text[pos] == '\r')) {
            lineBreakAt(pos);
            pos++; // an empty line is no record
        }
        if (pos >= end) {
            return false;
        }
        records++;
        line = lineAtPos;
        fields = 0;
        while (true) {
            int field = fields++;
            if (field == starts.length) {
                starts = Arrays.copyOf(starts, field * 2);
                ends = Arrays.copyOf(ends, field * 2);
                quoted = Arrays.copyOf(quoted, field * 2);
            }
            if (pos < end && text[pos] == '"') {
                quoted[field] = true;
                starts[field] = ++pos;
                while (true) {
                    if (pos >= end) {
                        throw new MalformedCsvException("a quoted field opened on line " + line + " is not closed before the end of the file");
                    }
                    if (text[pos] == '\n' || text[pos] == '\r') {
                        lineBreakAt(pos); // a line break inside quotes is part of the value, and a line of the file
                    }
                    if (text[pos] == '"') {
                        if (pos + 1 < end && text[pos + 1] == '"') {
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
                ends[field] = pos++;
                if (pos < end && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
                    throw new MalformedCsvException("line " + lineAtPos + " has text after the closing quote of a field");
                }
            } else {
                quoted[field] = false;
                starts[field] = pos;
                while (pos < end && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
                    pos++;
                }
                ends[field] = pos;
            }
            if (pos < end && text[pos] == ',') {
                pos++;
                continue;
            }
            if (pos < end) {
                lineBreakAt(pos);
            }
            if (pos < end && text[pos] == '\r' && pos + 1 < end && text[pos + 1] == '\n') {
                pos++;
            }
            pos++;
            return true;
        }
    }

    /** A CRLF counts once, at its CR; a lone CR or LF counts itself. */
    private void lineBreakAt(int at) {
        if (text[at] != '\n' || at == 0 || text[at - 1] != '\r') {
            lineAtPos++;
        }
    }

    /** The line of the file the current record starts on: the header is line 1, whatever empty lines or quoted line breaks follow. */
    long line() {
        return line;
    }

    /** Records read so far, the header included. */
    long records() {
        return records;
    }

    int size() {
        return fields;
    }

    String field(int index) {
        if (!quoted[index]) {
            return new String(text, starts[index], ends[index] - starts[index]);
        }
        StringBuilder value = new StringBuilder(ends[index] - starts[index]);
        for (int i = starts[index]; i < ends[index]; i++) {
            value.append(text[i]);
            if (text[i] == '"') {
                i++; // the second quote of ""
            }
        }
        return value.toString();
    }

    /**
     * The field without leading and trailing white space (as {@link String#strip()}); {@code previous} itself when the
     * field holds the same text, so that a value repeated on many rows (an account's name and details) is not copied
     * again for each of them.
     */
    String stripped(int index, String previous) {
        if (quoted[index]) {
            return field(index).strip();
        }
        int from = starts[index];
        int to = ends[index];
        while (from < to && Character.isWhitespace(text[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(text[to - 1])) {
            to--;
        }
        if (previous != null && same(previous, from, to)) {
            return previous;
        }
        return new String(text, from, to - from);
    }

    private boolean same(String value, int from, int to) {
        if (value.length() != to - from) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != text[from + i]) {
                return false;
            }
        }
        return true;
    }
}
