package dev.steward.reviews.decisions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keyset paging behind an offset/limit grid: remembers, for every page served, the offset after it and its last item
 * id, so that the grid's next page (scrolling on) starts at that id instead of skipping every item before it. A page
 * at an offset never seen starts from the nearest one before it. One per grid and filter: a new filter needs a new one.
 */
public final class ItemPages {

    /** Enough for 500,000 rows in pages of 50; past it the memory starts again from the first page. */
    private static final int MAX_REMEMBERED = 10_000;

    private final CampaignItems items;
    private final long campaignId;
    private final CampaignItems.Filter filter;
    /** offset → the id of the item just before it (0 before the first) */
    private final TreeMap<Integer, Long> idBefore = new TreeMap<>(Map.of(0, 0L));

    private ItemPages(CampaignItems items, long campaignId, CampaignItems.Filter filter) {
        this.items = items;
        this.campaignId = campaignId;
        this.filter = filter;
    }

    /** A pager over the injected bean {@code items} (its permission checks apply to every page). */
    public static ItemPages of(CampaignItems items, long campaignId, CampaignItems.Filter filter) {
        return new ItemPages(items, campaignId, filter);
    }

    public List<ReviewItem> page(int offset, int limit) {
        if (filter.isNone()) {
            return items.page(campaignId, filter, offset, limit);
        }
        synchronized (idBefore) {
            Map.Entry<Integer, Long> start = idBefore.floorEntry(Math.max(0, offset));
            List<ReviewItem> page = items.pageAfter(campaignId, filter, start.getValue(), offset - start.getKey(), limit);
            if (!page.isEmpty()) {
                if (idBefore.size() >= MAX_REMEMBERED) {
                    idBefore.tailMap(0, false).clear();
                }
                idBefore.put(offset + page.size(), page.getLast().id());
            }
            return page;
        }
    }
}
