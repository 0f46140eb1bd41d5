package dev.steward.dsr.records;

/**
 * One part of the plugin that keeps the requester's personal data in its own tables (data points given for
 * verification, task outcomes, response packages) and removes it when the request's retention ends. Beans of the
 * plugin, guarded like every service ({@code DsrPermissions.MAY_ADMIN}: the purge's own permission); called inside the
 * purge's transaction.
 */
public interface RequesterDataPurge {

    /** Removes this part's personal data of the request; returns what was removed, in a phrase, or "" for nothing. */
    String purge(long requestId);
}
