package dev.steward.platform.links;

/** A link that cannot be made or removed (unknown record, no right, already linked); nothing was changed. */
public class LinkRejectedException extends IllegalArgumentException {
    public LinkRejectedException(String message) {
        super(message);
    }
}
