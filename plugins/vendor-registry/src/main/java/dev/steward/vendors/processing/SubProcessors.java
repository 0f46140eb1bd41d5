package dev.steward.vendors.processing;

import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.Inputs;
import dev.steward.vendors.VendorAccess;
import dev.steward.vendors.VendorPermissions;
import dev.steward.vendors.db.tables.records.SubProcessorRecord;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.steward.vendors.db.Tables.SUB_PROCESSOR;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

/**
 * Sub-processor chains: a service relies on other services (of other vendors or the same one). The chain is a graph
 * without cycles: a link that would close one is refused with the cycle named.
 */
@Service
public class SubProcessors {

    /** Arbitrary but fixed: serializes link changes, so two concurrent links cannot close a cycle together. */
    private static final long CHAIN_LOCK = 0x5645_4e44_4f52_5350L;
    private static final int MAX_DEPTH = 50;

    private final DSLContext dsl;
    private final VendorAccess access;

    SubProcessors(DSLContext dsl, VendorAccess access) {
        this.dsl = dsl;
        this.access = access;
    }

    /** One service in a chain: how deep below the start, which service relies on it, and for what. */
    public record ChainLink(int depth, long parentServiceId, long serviceId, String vendorName, String serviceName, String purpose) {
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public void add(long serviceId, long subServiceId, String purpose) {
        access.requireEditOfService(serviceId);
        access.requireReadOfService(subServiceId);
        if (serviceId == subServiceId) {
            throw new InvalidInputException("subService", "A service cannot be its own sub-processor");
        }
        dsl.select(field("pg_advisory_xact_lock({0})", Object.class, inline(CHAIN_LOCK))).fetch();
        if (dsl.fetchExists(SUB_PROCESSOR, SUB_PROCESSOR.SERVICE_ID.eq(serviceId).and(SUB_PROCESSOR.SUB_SERVICE_ID.eq(subServiceId)))) {
            throw new InvalidInputException("subService", describe(List.of(subServiceId)) + " is already a sub-processor of "
                    + describe(List.of(serviceId)));
        }
        List<Long> back = pathDown(subServiceId, serviceId);
        if (!back.isEmpty()) {
            List<Long> cycle = new java.util.ArrayList<>();
            cycle.add(serviceId);
            cycle.addAll(back);
            throw new InvalidInputException("subService", "Not added: it would close a cycle " + describe(cycle)
                    + " (a service cannot rely on itself through its sub-processors)");
        }
        SubProcessorRecord r = dsl.newRecord(SUB_PROCESSOR);
        r.setServiceId(serviceId);
        r.setSubServiceId(subServiceId);
        r.setPurpose(Inputs.optional("purpose", purpose, 300));
        r.store();
    }

    @PreAuthorize(VendorPermissions.MAY_EDIT)
    @Transactional
    public void remove(long serviceId, long subServiceId) {
        access.requireEditOfService(serviceId);
        SubProcessorRecord r = dsl.selectFrom(SUB_PROCESSOR).where(SUB_PROCESSOR.SERVICE_ID.eq(serviceId)
                .and(SUB_PROCESSOR.SUB_SERVICE_ID.eq(subServiceId))).fetchOptional()
                .orElseThrow(() -> new InvalidInputException("subService", "This link no longer exists"));
        r.delete();
    }

    /** Every service below this one, depth first as a tree (a service reached twice appears under each parent). */
    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ChainLink> chainBelow(long serviceId) {
        access.requireReadOfService(serviceId);
        return dsl.resultQuery("""
                with recursive chain(depth, parent, service, purpose, path) as (
                    select 1, s.service_id, s.sub_service_id, s.purpose, array[s.service_id, s.sub_service_id]
                    from vendors.sub_processor s where s.service_id = {0}
                    union all
                    select c.depth + 1, s.service_id, s.sub_service_id, s.purpose, c.path || s.sub_service_id
                    from vendors.sub_processor s join chain c on s.service_id = c.service
                    where c.depth < {1} and not s.sub_service_id = any(c.path))
                select c.depth, c.parent, c.service, v.legal_name, vs.name, c.purpose from chain c
                join vendors.vendor_service vs on vs.id = c.service join vendors.vendor v on v.id = vs.vendor_id
                order by c.path""", inline(serviceId), inline(MAX_DEPTH))
                .fetch(r -> new ChainLink(r.get(0, Integer.class), r.get(1, Long.class), r.get(2, Long.class), r.get(3, String.class),
                        r.get(4, String.class), r.get(5, String.class)));
    }

    /** The services that rely directly on this one. */
    @PreAuthorize(VendorPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<ChainLink> usedBy(long serviceId) {
        access.requireReadOfService(serviceId);
        return dsl.resultQuery("""
                select s.service_id, v.legal_name, vs.name, s.purpose from vendors.sub_processor s
                join vendors.vendor_service vs on vs.id = s.service_id join vendors.vendor v on v.id = vs.vendor_id
                where s.sub_service_id = {0} order by v.legal_name, vs.name""", inline(serviceId))
                .fetch(r -> new ChainLink(1, serviceId, r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)));
    }

    /** The services from {@code from} down to {@code to} (both included), or empty when {@code to} is not below {@code from}. */
    private List<Long> pathDown(long from, long to) {
        Long[] path = dsl.resultQuery("""
                with recursive chain(service, path) as (
                    select {0}::bigint, array[{0}::bigint]
                    union all
                    select s.sub_service_id, c.path || s.sub_service_id from vendors.sub_processor s join chain c on s.service_id = c.service
                    where cardinality(c.path) <= {2} and not s.sub_service_id = any(c.path))
                select path from chain where service = {1} limit 1""", inline(from), inline(to), inline(MAX_DEPTH))
                .fetchOptional(0, Long[].class).orElse(null);
        return path == null ? List.of() : Arrays.asList(path);
    }

    /** "Vendor · service → Vendor · service → …" */
    private String describe(List<Long> serviceIds) {
        Map<Long, String> names = dsl.resultQuery("""
                select vs.id, v.legal_name || ' · ' || vs.name from vendors.vendor_service vs join vendors.vendor v on v.id = vs.vendor_id
                where vs.id = any({0})""", org.jooq.impl.DSL.val(serviceIds.toArray(Long[]::new)))
                .fetchMap(r -> r.get(0, Long.class), r -> r.get(1, String.class));
        return serviceIds.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(" → "));
    }
}
