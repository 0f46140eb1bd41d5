package dev.steward.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one UIDL response adds to the page, read as the client applies its {@code changes}: the tag of each new
 * element node, the text of each text node and which nodes became whose children. Enough for a simulated user to find
 * the node ids of a grid or of the buttons labelled "Approve" and send events to them.
 */
final class UidlPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The event data a Flow click listener asks the browser for (the click constant of every button). */
    static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,"
            + "\"event.clientX\":10,\"event.clientY\":10,\"event.altKey\":false,\"event.button\":0,\"event.screenY\":10,\"event.screenX\":10}";

    private final Map<Integer, String> tags = new HashMap<>();
    private final Map<Integer, String> texts = new HashMap<>();
    private final Map<Integer, Integer> parents = new HashMap<>();

    UidlPage(String response) {
        for (JsonNode change : JSON.readTree(response).path("changes")) {
            int node = change.path("node").asInt();
            String key = change.path("key").asString("");
            if ("put".equals(change.path("type").asString("")) && "tag".equals(key)) {
                tags.put(node, change.path("value").asString(""));
            } else if ("put".equals(change.path("type").asString("")) && "text".equals(key)) {
                texts.put(node, change.path("value").asString(""));
            } else if ("splice".equals(change.path("type").asString("")) && change.has("addNodes")) {
                change.path("addNodes").forEach(child -> parents.put(child.asInt(), node));
            }
        }
    }

    Optional<Integer> first(String tag) {
        return tags.entrySet().stream().filter(e -> e.getValue().equals(tag)).map(Map.Entry::getKey).min(Integer::compare);
    }

    /** The elements whose text is exactly {@code text} (a text node child), in node order. */
    List<Integer> withText(String text) {
        List<Integer> nodes = new ArrayList<>();
        texts.forEach((node, value) -> {
            if (value.equals(text) && parents.containsKey(node)) {
                nodes.add(parents.get(node));
            }
        });
        nodes.sort(Integer::compare);
        return nodes;
    }

    static String click(int node) {
        return "[{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":" + CLICK_DATA + "}]";
    }

    /** What a grid's client connector calls when rows come into view. */
    static String viewport(int grid, int start, int length, int promise) {
        return "[{\"type\":\"publishedEventHandler\",\"node\":" + grid + ",\"templateEventMethodName\":\"setViewportRange\","
                + "\"templateEventMethodArgs\":[" + start + "," + length + "],\"promise\":" + promise + "}]";
    }
}
