package dev.steward.vendors.integration;

import dev.steward.platform.spi.PersonalDataHolders;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Vendors as holders of personal data for rights requests.
 * <ul>
 * <li>{@code PROCESSOR}: a vendor with processing records as our processor, sub-processor or joint controller (an
 * independent controller answers requests itself), unless still a prospect (a terminated vendor may hold data until
 * it confirms deletion). Its categories are those of all its processing records (the per-vendor summary
 * {@code vendors.vendor_reach}).</li>
 * <li>{@code SUB_PROCESSOR}: a vendor whose service a holder's service relies on ({@code vendors.sub_processor}), down
 * the chain, once per vendor it works for ({@code viaId}), whatever its own status: it holds the data of the chain's
 * top service, so its categories are those of that service's processing records.</li>
 * </ul>
 * The contact is the first privacy contact with an email (flagged, or whose role names privacy, a DPO or data
 * protection), else the first contact listed with an email. The business owner is the owner person. The purposes are
 * those of the same processing records as the categories ({@code vendors.processing_purpose}).
 * <p>
 * On {@code VendorGenerator}'s registry (10k vendors, 500k processing records, 2k sub-processor links) each of the two
 * queries takes about 0.25 s: index lookups per vendor, and one walk down the chains from the links' top services.
 */
@Component
class VendorPersonalData implements PersonalDataHolders {

    /** The relationships (processing.relationship) under which a vendor holds data we answer for. */
    private static final String HOLDING = "('PROCESSOR', 'SUB_PROCESSOR', 'JOINT_CONTROLLER')";

    private static final String CONTACT = """
            (select c.email from vendors.contact c where c.vendor_id = v.id and c.email is not null
             order by (c.privacy_contact or coalesce(c.role, '') ~* '(privacy|\\mdpo\\M|data protection)') desc, c.id limit 1)""";

    private static final String PROCESSORS = """
            select v.id, v.legal_name, v.trading_name, v.owner_person_id, r.data_categories, %1$s contact_email,
                   array(select distinct pp.purpose from vendors.vendor_service s join vendors.processing p on p.service_id = s.id
                         join vendors.processing_purpose pp on pp.processing_id = p.id
                         where s.vendor_id = v.id and p.relationship in %2$s) purposes
            from vendors.vendor v left join vendors.vendor_reach r on r.vendor_id = v.id
            where v.status <> 'PROSPECT' and exists (select 1 from vendors.vendor_service s join vendors.processing p on p.service_id = s.id
                                                      where s.vendor_id = v.id and p.relationship in %2$s)
            order by v.legal_name, v.id""".formatted(CONTACT, HOLDING);

    private static final String SUB_PROCESSORS = """
            with recursive chain(top, via_vendor, service, depth, path) as (
                select s.service_id, ps.vendor_id, s.sub_service_id, 1, array[s.service_id, s.sub_service_id]
                from vendors.sub_processor s join vendors.vendor_service ps on ps.id = s.service_id
                join vendors.vendor pv on pv.id = ps.vendor_id and pv.status <> 'PROSPECT'
                where exists (select 1 from vendors.processing p where p.service_id = s.service_id and p.relationship in %2$s)
                union all
                select c.top, cs.vendor_id, s.sub_service_id, c.depth + 1, c.path || s.sub_service_id
                from chain c join vendors.sub_processor s on s.service_id = c.service join vendors.vendor_service cs on cs.id = c.service
                where c.depth < 50 and not s.sub_service_id = any(c.path)
            ),
            links as (
                select distinct c.top, c.via_vendor, vs.vendor_id from chain c join vendors.vendor_service vs on vs.id = c.service
                where vs.vendor_id <> c.via_vendor
            ),
            top_categories as (
                select p.service_id top, code from vendors.processing p cross join unnest(p.data_categories) code
                where p.service_id in (select top from links) and p.relationship in %2$s
            ),
            top_purposes as (
                select p.service_id top, pp.purpose from vendors.processing p join vendors.processing_purpose pp on pp.processing_id = p.id
                where p.service_id in (select top from links) and p.relationship in %2$s
            ),
            holders as (
                select l.vendor_id, l.via_vendor, array_agg(distinct t.code) filter (where t.code is not null) data_categories,
                       (select array_agg(distinct tp.purpose) from top_purposes tp
                        where tp.top in (select l2.top from links l2 where l2.vendor_id = l.vendor_id and l2.via_vendor = l.via_vendor)) purposes
                from links l left join top_categories t on t.top = l.top group by l.vendor_id, l.via_vendor
            )
            select v.id, v.legal_name, v.trading_name, v.owner_person_id, h.data_categories, h.via_vendor, %1$s contact_email, h.purposes
            from holders h join vendors.vendor v on v.id = h.vendor_id
            order by v.legal_name, v.id, h.via_vendor""".formatted(CONTACT, HOLDING);

    private final DSLContext dsl;

    VendorPersonalData(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<DataHolder> holders() {
        List<DataHolder> holders = new ArrayList<>(dsl.fetch(PROCESSORS).map(r -> holder(r, HolderKind.PROCESSOR, null)));
        holders.addAll(dsl.fetch(SUB_PROCESSORS).map(r -> holder(r, HolderKind.SUB_PROCESSOR, r.get("via_vendor", Long.class).toString())));
        return holders;
    }

    private static DataHolder holder(Record r, HolderKind kind, String viaId) {
        String legal = r.get("legal_name", String.class);
        String trading = r.get("trading_name", String.class);
        String[] categories = r.get("data_categories", String[].class);
        String[] purposes = r.get("purposes", String[].class);
        return new DataHolder(VendorLinks.TYPE, r.get("id", Long.class).toString(), trading == null ? legal : trading + " (" + legal + ")",
                kind, categories == null ? Set.of() : Set.of(categories), r.get("owner_person_id", Long.class),
                r.get("contact_email", String.class), viaId, purposes == null ? Set.of() : Set.of(purposes));
    }
}
