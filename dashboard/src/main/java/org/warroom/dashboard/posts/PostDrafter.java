package org.warroom.dashboard.posts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostLimits;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * Drafts posts from the public bulletin's snapshot — its published JSON, nothing else: so a post can hold nothing
 * the bulletin does not (no personal data, no citizen's text; small counts already read "&lt; 5"). One text per
 * network and language from the templates {@code posts.template.*} (both bundles): the time, how many districts
 * report a critical or low shortage, and the link to the bulletin always; today's complaints, the registry and the
 * names of the critical districts each added while the text still fits the network ({@link PostLimits}).
 */
public final class PostDrafter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One drafted text. */
    public record Draft(Network network, Language language, String text) {
    }

    private final Words words;
    private final PostLimits limits;
    private final String link;

    public PostDrafter(Words words, PostLimits limits, String link) {
        this.words = words;
        this.limits = limits;
        this.link = link;
    }

    public List<Draft> draft(String bulletinJson) {
        JsonObject bulletin = new JsonObject(bulletinJson);
        List<Draft> out = new ArrayList<>();
        for (Network network : Network.values()) {
            for (Language language : List.of(Language.HI, Language.EN)) {
                out.add(new Draft(network, language, text(bulletin, network, language)));
            }
        }
        return out;
    }

    private String text(JsonObject bulletin, Network network, Language language) {
        List<String> critical = new ArrayList<>();
        int low = 0;
        for (Object s : bulletin.getJsonArray("states", new JsonArray())) {
            for (Object d : ((JsonObject) s).getJsonArray("districts", new JsonArray())) {
                JsonObject district = (JsonObject) d;
                String status = district.getString("status", "");
                if ("critical".equalsIgnoreCase(status)) {
                    String hi = district.getString("nameHi");
                    critical.add(language == Language.HI && hi != null && !hi.isBlank() ? hi
                            : district.getString("name"));
                } else if ("low".equalsIgnoreCase(status)) {
                    low++;
                }
            }
        }
        critical.sort(Comparator.naturalOrder());
        JsonObject complaints = bulletin.getJsonObject("complaints", new JsonObject());
        JsonObject registry = bulletin.getJsonObject("registry", new JsonObject());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("time", OffsetDateTime.parse(bulletin.getString("updatedAt")).format(TIME));
        v.put("critical", critical.size());
        v.put("low", low);
        v.put("registered", shown(complaints.getValue("registeredToday"), language));
        v.put("resolved", shown(complaints.getValue("resolvedToday"), language));
        v.put("open", shown(complaints.getValue("open"), language));
        v.put("workers", shown(registry.getValue("workers"), language));
        v.put("url", link);

        String head = words.format(language, "posts.template.head", v) + " "
                + words.format(language, "posts.template.districts", v);
        String tail = " " + words.format(language, "posts.template.more", v);
        StringBuilder body = new StringBuilder(head);
        for (String part : List.of("posts.template.complaints", "posts.template.registry")) {
            String next = " " + words.format(language, part, v);
            if (limits.fits(network, body + next + tail)) {
                body.append(next);
            }
        }
        List<String> named = new ArrayList<>();
        for (String name : critical) {
            named.add(name);
            String next = " " + words.format(language, "posts.template.named", Map.of("names", String.join(", ", named)));
            if (!limits.fits(network, body + next + tail)) {
                named.remove(named.size() - 1);
                break;
            }
        }
        if (!named.isEmpty()) {
            body.append(' ').append(words.format(language, "posts.template.named",
                    Map.of("names", String.join(", ", named))));
        }
        return body + tail;
    }

    private String shown(Object value, Language language) {
        return value == null ? words.get(language, "posts.template.unknown") : value.toString();
    }
}
