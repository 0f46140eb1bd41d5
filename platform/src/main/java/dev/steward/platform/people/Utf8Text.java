package dev.steward.platform.people;

import dev.steward.platform.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Strict UTF-8 (a byte-order mark is dropped) read from a stream, never the whole file in memory: {@link #scan} checks
 * a file once (its SHA-256, its line count, where the first invalid byte is), {@link #reader} reads it for parsing.
 */
final class Utf8Text {

    /**
     * What one pass over a file found; {@code problem} is a message for the user, or null when the text is valid, and
     * {@code problemLine} the line it is on (0 for none).
     */
    record Scan(String sha256, long lines, boolean blank, String problem, long problemLine) {
    }

    private static final int CHUNK = 64 * 1024;

    private Utf8Text() {
    }

    static Scan scan(InputStream in) throws IOException {
        MessageDigest digest = Sha256.digest();
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long newlines = 0;
        boolean blank = true;
        boolean end = false;
        byte[] head = in.readNBytes(3);
        digest.update(head);
        if (!(head.length == 3 && bom(head))) {
            bytes.put(head);
        }
        while (!end) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                end = true;
            } else {
                digest.update(bytes.array(), bytes.position(), read);
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            while (true) {
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = before; i < bytes.position(); i++) {
                    byte b = bytes.array()[i];
                    newlines += b == '\n' ? 1 : 0;
                    blank = blank && (b == ' ' || b == '\t' || b == '\r' || b == '\n');
                }
                if (result.isError()) {
                    return new Scan(null, newlines, blank, "The file is not UTF-8 text: line " + (newlines + 1) + " has the byte 0x"
                            + String.format("%02X", bytes.get(bytes.position()) & 0xFF) + ", which is not valid UTF-8 (the file was "
                            + "probably saved as Latin-1 or Windows-1252). Save it as \"CSV UTF-8\" and import it again.", newlines + 1);
                }
                chars.clear();
                if (!result.isOverflow()) {
                    break;
                }
            }
            bytes.compact();
        }
        return new Scan(Sha256.hex(digest), newlines, blank, null, 0);
    }

    /** The text of a stream checked by {@link #scan}, without its byte-order mark. */
    static Reader reader(InputStream in) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(in, 3);
        byte[] head = stream.readNBytes(3);
        if (!(head.length == 3 && bom(head))) {
            stream.unread(head);
        }
        return new InputStreamReader(stream, strictDecoder());
    }

    private static boolean bom(byte[] b) {
        return (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
