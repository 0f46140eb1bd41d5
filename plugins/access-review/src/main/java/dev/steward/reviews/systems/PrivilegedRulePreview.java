package dev.steward.reviews.systems;

/**
 * What marking by a name pattern would do.
 *
 * @param matching entitlements whose name matches
 * @param toMark those of them not privileged yet: what applying the rule changes
 * @param sample a few of the names to mark
 */
public record PrivilegedRulePreview(String pattern, long matching, long toMark, java.util.List<String> sample) {
}
