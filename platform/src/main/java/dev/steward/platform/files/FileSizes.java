package dev.steward.platform.files;

import java.util.Locale;

/** Sizes as people read them in messages: "3 KB", "12.5 MB", "50 MB". */
public final class FileSizes {

    private FileSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        String megabytes = String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
        return (megabytes.endsWith(".0") ? megabytes.substring(0, megabytes.length() - 2) : megabytes) + " MB";
    }
}
