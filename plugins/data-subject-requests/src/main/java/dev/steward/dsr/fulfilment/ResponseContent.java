package dev.steward.dsr.fulfilment;

import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.spi.PersonalDataHolders.SubjectRecord;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What goes into the data package, from the registers: the categories held in our systems where the tasks found
 * data, the processors holding each (recipients), and, for a copy of the data, the records the holders keep about the
 * requester. The purposes of a category are those of the holders of it that name theirs (the vendor registry's
 * processing purposes), by their catalogue labels. The registers do not say retention per category yet, nor purposes
 * where no holder names them: the package says so rather than guess.
 */
@Component
class ResponseContent {

    static final String NOT_RECORDED = "Not recorded in the registers";

    private final Holders holders;
    private final CategoryNames names;

    ResponseContent(Holders holders, CategoryNames names) {
        this.holders = holders;
        this.names = names;
    }

    byte[] dataPackage(RightsRequest request, List<Task> tasks) {
        return ResponsePackage.build(request.reference(), categories(tasks), pieces(request));
    }

    List<ResponsePackage.CategoryFacts> categories(List<Task> tasks) {
        Map<String, Set<String>> sources = new TreeMap<>();
        for (Task t : tasks) {
            if (t.holderKind() == HolderKind.OWN_SYSTEM && t.status() == TaskStatus.DONE) {
                t.categories().forEach(code -> sources.computeIfAbsent(code, c -> new TreeSet<>()).add(t.holderName()));
            }
        }
        List<Holder> all = holders.holders();
        List<Holder> outside = all.stream().filter(h -> h.kind() != HolderKind.OWN_SYSTEM).toList();
        Map<String, String> named = names.all();
        Map<String, String> purposeNames = names.purposes();
        List<ResponsePackage.CategoryFacts> facts = new ArrayList<>();
        sources.forEach((code, held) -> facts.add(new ResponsePackage.CategoryFacts(code, named.getOrDefault(code, code),
                held.stream().map(s -> "Held in " + s).toList(), purposes(code, all, purposeNames),
                outside.stream().filter(h -> h.categories().contains(code)).map(Holder::name).distinct().sorted().toList(), NOT_RECORDED)));
        return facts;
    }

    /** The labels of the purposes named by the holders of the category; "not recorded" when none names any. */
    static List<String> purposes(String category, List<Holder> all, Map<String, String> labels) {
        List<String> purposes = all.stream().filter(h -> h.categories().contains(category)).flatMap(h -> h.purposes().stream())
                .map(p -> labels.getOrDefault(p, p)).distinct().sorted().toList();
        return purposes.isEmpty() ? List.of(NOT_RECORDED) : purposes;
    }

    List<ResponsePackage.Piece> pieces(RightsRequest request) {
        if (!request.types().contains(RequestType.ACCESS_SPECIFIC) && !request.types().contains(RequestType.PORTABILITY)) {
            return List.of();
        }
        List<ResponsePackage.Piece> pieces = new ArrayList<>();
        for (SubjectRecord r : holders.recordsAbout(request.requester().email(), request.requester().name())) {
            r.dataPoints().forEach((field, value) -> pieces.add(new ResponsePackage.Piece(r.holderName(), r.recordName(), field, value)));
        }
        return pieces;
    }
}
