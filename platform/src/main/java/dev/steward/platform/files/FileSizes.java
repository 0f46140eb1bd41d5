package dev.steward.platform.files;

import java.util.Locale;

/** Sizes as people read them in messages: "3 KB", "12.5 MB". */
public final class FileSizes {

    private FileSizes() {
    }

    public static String human(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
