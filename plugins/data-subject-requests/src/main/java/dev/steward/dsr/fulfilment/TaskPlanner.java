package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.RequestType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which tasks a request needs: in each of our systems that may hold the categories involved, what the request's types
 * ask; for a deletion, a correction or a restriction, an instruction to every processor and sub-processor that holds
 * any of those categories (GDPR Art. 19 passes on all three, CCPA 1798.105(c) deletion).
 */
final class TaskPlanner {

    record Planned(Holder holder, TaskAction action, String viaName) {
    }

    private TaskPlanner() {
    }

    /** @param involved the catalogue categories the request covers; empty: every category */
    static List<Planned> plan(Set<RequestType> types, Set<String> involved, List<Holder> holders) {
        Set<TaskAction> own = ownActions(types);
        Map<String, Holder> byId = holders.stream().filter(h -> h.kind() == HolderKind.PROCESSOR)
                .collect(Collectors.toMap(Holder::id, Function.identity(), (a, b) -> a));
        List<Planned> planned = new ArrayList<>();
        for (Holder holder : holders) {
            if (holder.kind() == HolderKind.OWN_SYSTEM) {
                if (holder.mayHold(involved)) {
                    own.forEach(action -> planned.add(new Planned(holder, action, null)));
                }
            } else if (holdsAny(holder, involved)) {
                Holder via = holder.viaId() == null ? null : byId.get(holder.viaId());
                String viaName = holder.kind() == HolderKind.SUB_PROCESSOR ? (via == null ? "processor " + holder.viaId() : via.name()) : null;
                instructions(types).forEach(action -> planned.add(new Planned(holder, action, viaName)));
            }
        }
        return planned;
    }

    /** A processor is instructed when it is known to hold a category involved, or when what it holds is not known. */
    private static boolean holdsAny(Holder holder, Set<String> involved) {
        return holder.mayHold(involved);
    }

    /** What processors are told to do: erasure, rectification and restriction are passed on (GDPR Art. 19). */
    static Set<TaskAction> instructions(Set<RequestType> types) {
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        if (types.contains(RequestType.DELETION)) {
            actions.add(TaskAction.INSTRUCT_DELETE);
        }
        if (types.contains(RequestType.CORRECTION)) {
            actions.add(TaskAction.INSTRUCT_CORRECT);
        }
        if (types.contains(RequestType.RESTRICTION)) {
            actions.add(TaskAction.INSTRUCT_RESTRICT);
        }
        return actions;
    }

    static Set<TaskAction> ownActions(Set<RequestType> types) {
        Set<TaskAction> actions = new LinkedHashSet<>();
        for (RequestType type : types) {
            switch (type) {
                case ACCESS_CATEGORIES -> actions.add(TaskAction.SEARCH);
                case ACCESS_SPECIFIC, PORTABILITY -> {
                    actions.add(TaskAction.SEARCH);
                    actions.add(TaskAction.EXPORT);
                }
                case DELETION -> actions.add(TaskAction.DELETE);
                case CORRECTION -> actions.add(TaskAction.CORRECT);
                case RESTRICTION, OBJECTION, OPT_OUT_SALE, LIMIT_SENSITIVE, WITHDRAW_CONSENT -> actions.add(TaskAction.RESTRICT);
            }
        }
        return actions.isEmpty() ? EnumSet.noneOf(TaskAction.class) : EnumSet.copyOf(actions);
    }
}
