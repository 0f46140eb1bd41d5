-- What each vendor's processing reaches, summed up per vendor: every personal-data category, and every country where
-- data is processed or stored, over all its services. The grid's category and country filters read these 10k rows
-- (GIN indexes) instead of finding the matching rows among 500k processing records and their services and then
-- their vendors (VendorBenchmark: 56-71 ms per page or count). Triggers keep it, in the same transaction: new
-- processing records add their codes; a change or a removal, or a service moved to another vendor, recomputes the
-- vendors it touched.
create table vendors.vendor_reach (
    vendor_id        bigint         primary key references vendors.vendor (id),
    data_categories  varchar(50)[]  not null,
    countries        varchar(2)[]   not null
);

-- The grid's default order: a page of a filter that most vendors pass (health data, a big country) walks the vendors
-- in name order and looks each up in the summary, stopping after 50, instead of sorting every vendor that passes.
create index vendor_legal_name_idx on vendors.vendor (legal_name, id);

-- [jooq ignore start]
create index vendor_reach_categories_idx on vendors.vendor_reach using gin (data_categories);
create index vendor_reach_countries_idx on vendors.vendor_reach using gin (countries);

create function vendors.refresh_vendor_reach(vendor_ids bigint[]) returns void language plpgsql as $$
begin
    -- Two transactions changing one vendor's processing would each compute the summary from what they see, and the
    -- later one would drop what the other added: the vendor rows are locked first, and the summary computed after that
    -- lock (a new statement, a new snapshot), so it includes whatever the transaction that held it committed.
    perform 1 from vendors.vendor where id = any(vendor_ids) order by id for no key update;
    -- the processing records found through their service ids (an index scan for one vendor, whatever the statistics
    -- say), not joined from the services: with stale statistics that join read all 500k records for each save
    with p as (
        select s.vendor_id, p.data_categories, p.processing_countries || p.storage_countries countries
        from vendors.processing p join vendors.vendor_service s on s.id = p.service_id
        where p.service_id = any(array(select id from vendors.vendor_service where vendor_id = any(vendor_ids)))
    ),
    categories as (select vendor_id, array_agg(distinct c order by c) codes from p cross join unnest(p.data_categories) c group by vendor_id),
    countries as (select vendor_id, array_agg(distinct c order by c) codes from p cross join unnest(p.countries) c group by vendor_id)
    insert into vendors.vendor_reach as r (vendor_id, data_categories, countries)
    select v.id, coalesce(categories.codes, '{}'), coalesce(countries.codes, '{}')
    from vendors.vendor v
    left join categories on categories.vendor_id = v.id
    left join countries on countries.vendor_id = v.id
    where v.id = any(vendor_ids)
    order by v.id
    on conflict (vendor_id) do update set data_categories = excluded.data_categories, countries = excluded.countries;
end $$;

create function vendors.processing_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        -- new records only add: their categories and countries are merged into the summary, nothing is recomputed
        perform 1 from vendors.vendor where id in (select s.vendor_id from new_rows n join vendors.vendor_service s on s.id = n.service_id)
            order by id for no key update;
        insert into vendors.vendor_reach as r (vendor_id, data_categories, countries)
        select vendor_id, coalesce(array_agg(distinct code order by code) filter (where category), '{}'),
               coalesce(array_agg(distinct code order by code) filter (where not category), '{}')
        from (select s.vendor_id, true category, c code from new_rows n join vendors.vendor_service s on s.id = n.service_id
                  cross join unnest(n.data_categories) c
              union all
              select s.vendor_id, false, c from new_rows n join vendors.vendor_service s on s.id = n.service_id
                  cross join unnest(n.processing_countries || n.storage_countries) c) added
        group by vendor_id
        order by vendor_id
        on conflict (vendor_id) do update set
            data_categories = array(select distinct c from unnest(r.data_categories || excluded.data_categories) c order by c),
            countries = array(select distinct c from unnest(r.countries || excluded.countries) c order by c);
    elsif tg_op = 'DELETE' then
        perform vendors.refresh_vendor_reach(array(select distinct s.vendor_id from old_rows o join vendors.vendor_service s on s.id = o.service_id));
    else
        perform vendors.refresh_vendor_reach(array(select distinct s.vendor_id from
            (select service_id from new_rows union select service_id from old_rows) n join vendors.vendor_service s on s.id = n.service_id));
    end if;
    return null;
end $$;

create trigger processing_reach_inserts after insert on vendors.processing
    referencing new table as new_rows for each statement execute function vendors.processing_changed();
create trigger processing_reach_updates after update on vendors.processing
    referencing old table as old_rows new table as new_rows for each statement execute function vendors.processing_changed();
create trigger processing_reach_deletes after delete on vendors.processing
    referencing old table as old_rows for each statement execute function vendors.processing_changed();

create function vendors.service_moved() returns trigger language plpgsql as $$
begin
    perform vendors.refresh_vendor_reach(array(select vendor_id from old_rows union select vendor_id from new_rows));
    return null;
end $$;

create trigger vendor_service_reach_updates after update on vendors.vendor_service
    referencing old table as old_rows new table as new_rows for each statement execute function vendors.service_moved();

select vendors.refresh_vendor_reach(array(select id from vendors.vendor));
-- [jooq ignore stop]
