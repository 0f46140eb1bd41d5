package dev.steward.reviews.imports;

/** What a file is (a preset: the system that exported it) and which of its columns hold which field. */
public record ImportFormat(AccessPreset preset, ColumnMapping mapping) {

    /** Any export, with its columns mapped. */
    public static ImportFormat generic(ColumnMapping mapping) {
        return new ImportFormat(AccessPreset.GENERIC, mapping);
    }

    /** The preset a header looks like, with the mapping it proposes. */
    public static ImportFormat guess(java.util.List<String> header) {
        AccessPreset preset = AccessPreset.recognise(header);
        return new ImportFormat(preset, preset.guess(header));
    }
}
