package dev.steward.platform.people;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Decodes bytes as strict UTF-8 (a byte-order mark is dropped), or says where the first invalid byte is. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The text, or empty with {@code problem[0]} set to a message for the user. */
    static Optional<String> decode(byte[] bytes, String[] problem) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problem[0] = "The file is not UTF-8 text: line " + line + " has the byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + ", which is not valid UTF-8 (the file was probably "
                    + "saved as Latin-1 or Windows-1252). Save it as \"CSV UTF-8\" and import it again.";
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        return Optional.of(out.toString());
    }
}
