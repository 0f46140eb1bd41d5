package dev.steward.benchmarks;

import org.jooq.DSLContext;

/**
 * A large vendor registry generated in SQL: {@code vendors} vendors (statuses, criticality, tiers, review dates and HQ
 * countries spread out; one in three owned by one of 500 people), five services each, ten processing records per
 * service with two or three catalogue categories, one or two purposes, countries inside and outside the EEA (one in
 * twelve a transfer gap, one in fifteen special-category data), an MSA and a DPA per vendor (some ended, some
 * renewing), a certificate per vendor expiring across the next year, and a sub-processor link per vendor.
 */
final class VendorGenerator {

    private VendorGenerator() {
    }

    static void generate(DSLContext dsl, int vendors) {
        dsl.execute("""
                insert into platform.person (employee_id, full_name, email)
                select 'VB-' || g, 'Vendor owner ' || g, 'vendor-owner-' || g || '@example.org' from generate_series(1, 500) g
                """);
        dsl.execute("""
                insert into vendors.vendor (legal_name, trading_name, website, hq_country, status, owner_person_id, criticality, access_level,
                    created_by, tier, inherent_score, next_review_on, version)
                select 'Vendor ' || lpad(g::text, 6, '0') || ' ' || (array['GmbH','Ltd','Inc','SAS','BV','AB'])[1 + g % 6],
                       case when g % 4 = 0 then (array['Acme','Globex','Initech','Umbrella','Hooli','Stark'])[1 + g % 6] || ' ' || g end,
                       'https://vendor' || g || '.example.com',
                       (array['DE','IE','FR','US','GB','IN','NL','CH','JP','SE'])[1 + g % 10],
                       (array['ACTIVE','ACTIVE','ACTIVE','PROSPECT','OFFBOARDING','TERMINATED'])[1 + g % 6],
                       (select id from platform.person where employee_id = 'VB-' || (1 + g % 500)) * (case when g % 3 = 0 then 1 end),
                       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
                       (array['NONE','LIMITED','BROAD','PRIVILEGED'])[1 + g % 4],
                       'generator', case when g % 7 > 0 then 1 + g % 4 end, (g * 37) % 101,
                       current_date + ((g % 900) - 200) * interval '1 day', 0
                from generate_series(1, {vendors}) g
                """.replace("{vendors}", Integer.toString(vendors)));
        dsl.execute("""
                insert into vendors.vendor_service (vendor_id, name, version)
                select v.id, (array['Payment processing','Learning management','Email delivery','Cloud storage','Analytics','Shipping',
                              'Marketing','Payroll','Support desk','Hosting'])[1 + (v.id + s) % 10] || ' ' || s, 0
                from vendors.vendor v cross join generate_series(1, 5) s
                """);
        dsl.execute("""
                insert into vendors.processing (service_id, relationship, data_categories, subject_types, volume, special_category, children,
                    processing_countries, storage_countries, transfer_mechanism, transfer_gap, version)
                select s.id,
                       (array['PROCESSOR','PROCESSOR','PROCESSOR','SUB_PROCESSOR','JOINT_CONTROLLER','INDEPENDENT_CONTROLLER'])[1 + (s.id + p) % 6],
                       case when (s.id + p) % 15 = 0 then array['health','identifiers']::varchar[]
                            else array[(array['contact','identifiers','payment','usage','device_online','employment','location'])[1 + (s.id + p) % 7],
                                       (array['identifiers','contact','communications','credentials'])[1 + (s.id * p) % 4]]::varchar[] end,
                       array[(array['customers','employees','prospects','website_visitors'])[1 + p % 4]]::varchar[],
                       (array['UNDER_1K','UNDER_100K','UNDER_1M','OVER_1M'])[1 + (s.id + p) % 4],
                       (s.id + p) % 15 = 0, (s.id + p) % 40 = 0,
                       array[(array['DE','IE','FR','NL','US','IN','GB','JP','BR','SE','CN','CH'])[1 + (s.id + p) % 12]]::varchar[],
                       array['DE']::varchar[],
                       case when (s.id + p) % 12 in (5, 8) then 'SCC' when (s.id + p) % 12 = 4 then 'ADEQUACY' end,
                       (s.id + p) % 12 = 10, 0
                from vendors.vendor_service s cross join generate_series(1, 10) p
                """);
        dsl.execute("""
                insert into vendors.processing_purpose (processing_id, purpose, legal_basis)
                select p.id, (array['service_delivery','billing','customer_support','marketing','analytics','security'])[1 + p.id % 6],
                       (array['contract','contract','contract','consent','legitimate_interests','legitimate_interests'])[1 + p.id % 6]
                from vendors.processing p
                """);
        dsl.execute("""
                insert into vendors.processing_purpose (processing_id, purpose, legal_basis)
                select p.id, 'legal_compliance', 'legal_obligation' from vendors.processing p where p.id % 3 = 0
                """);
        dsl.execute("""
                insert into vendors.contract (vendor_id, type, title, status, signed_on, effective_on, ends_on, auto_renewal, renewal_months,
                    notice_days, version)
                select v.id, t.type, t.type || ' ' || v.legal_name, case when (v.id + t.n) % 9 = 0 then 'DRAFT' else 'SIGNED' end,
                       current_date - 700, current_date - 700, current_date + ((v.id * 7 + t.n * 13) % 500 - 60) * interval '1 day',
                       (v.id + t.n) % 3 = 0, case when (v.id + t.n) % 3 = 0 then 12 end, 90, 0
                from vendors.vendor v cross join (values (1, 'MSA'), (2, 'DPA')) t(n, type)
                where v.id % 10 <> 0 or t.type = 'MSA'
                """);
        dsl.execute("""
                insert into vendors.certification (vendor_id, type, valid_from, valid_to, period_start, period_end, version)
                select v.id, (array['ISO_27001','SOC2_TYPE2','PCI_DSS'])[1 + v.id % 3], current_date - 400,
                       current_date + ((v.id * 11) % 400 - 30) * interval '1 day',
                       case when v.id % 3 = 1 then current_date - 765 end, case when v.id % 3 = 1 then current_date - 400 end, 0
                from vendors.vendor v where v.id % 5 <> 0
                """);
        dsl.execute("""
                insert into vendors.sub_processor (service_id, sub_service_id, purpose)
                select s.id, (select min(t.id) from vendors.vendor_service t where t.vendor_id = 1 + (s.vendor_id % {vendors})), 'hosting'
                from vendors.vendor_service s where s.name like 'Analytics%' and s.vendor_id % 2 = 0
                on conflict do nothing
                """.replace("{vendors}", Integer.toString(vendors)));
        dsl.execute("analyze vendors.vendor; analyze vendors.vendor_service; analyze vendors.processing; analyze vendors.contract;"
                + " analyze vendors.certification; analyze vendors.processing_purpose");
    }
}
