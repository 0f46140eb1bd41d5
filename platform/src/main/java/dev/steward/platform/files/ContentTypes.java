package dev.steward.platform.files;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a file's type from its bytes (never from what the browser claims), and which type a file name promises.
 */
final class ContentTypes {

    static final String OOXML_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String OOXML_EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OOXML_POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("txt", "text/plain"),
            Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("zip", "application/zip"),
            Map.entry("docx", OOXML_WORD), Map.entry("xlsx", OOXML_EXCEL), Map.entry("pptx", OOXML_POWERPOINT),
            Map.entry("eml", "message/rfc822"), Map.entry("msg", "application/vnd.ms-outlook"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("exe", "application/x-msdownload"), Map.entry("dll", "application/x-msdownload"));

    private ContentTypes() {
    }

    /** The type a file name's extension promises, or null when it promises nothing we know. */
    static String promisedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String sniff(byte[] bytes, String fileName) {
        String promised = promisedBy(fileName);
        if (starts(bytes, "%PDF-")) {
            return "application/pdf";
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(bytes, "GIF8")) {
            return "image/gif";
        }
        if (starts(bytes, "MZ")) {
            return "application/x-msdownload";
        }
        if (starts(bytes, 'P', 'K', 3, 4)) {
            boolean office = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).contains("[Content_Types].xml");
            return office && promised != null && promised.startsWith("application/vnd.openxmlformats") ? promised : "application/zip";
        }
        if (starts(bytes, 0xD0, 0xCF, 0x11, 0xE0)) { // OLE2: Outlook .msg, legacy Word/Excel
            return promised != null && (promised.equals("application/vnd.ms-outlook") || promised.equals("application/msword")
                    || promised.equals("application/vnd.ms-excel")) ? promised : "application/x-ole-storage";
        }
        if (isText(bytes)) {
            String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8);
            if (head.matches("(?s)^(Return-Path|Received|From|Message-ID|MIME-Version|Date|Subject):.*")) {
                return "message/rfc822";
            }
            return "text/csv".equals(promised) ? "text/csv" : "text/plain";
        }
        return "application/octet-stream";
    }

    private static boolean isText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, 8192) - trailingPartial(bytes)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Bytes of a UTF-8 sequence cut off at the 8 KiB sample's end, which must not count as invalid. */
    private static int trailingPartial(byte[] bytes) {
        int end = Math.min(bytes.length, 8192);
        if (end < bytes.length) {
            for (int i = 1; i <= 3 && end - i >= 0; i++) {
                if ((bytes[end - i] & 0xC0) == 0xC0) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static boolean starts(byte[] bytes, String prefix) {
        return starts(bytes, prefix.chars().toArray());
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
