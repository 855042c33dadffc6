package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Which desk a complaint goes to: the rule for its category in its district, else the category's rule for every
 * district ({@code *}), else the district's {@value #ROUTING_DESK} — never nowhere. The shipped default is the
 * resource {@code complaint/routing-default.csv}; administrators replace the whole table at run time (compacted topic
 * {@code warroom.routing}, key {@value #KEY}; audited by the dashboard).
 *
 * @param rules     in the order given
 * @param updatedBy who stored this table ({@code default} for the shipped one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingTable(List<RoutingRule> rules, Instant updatedAt, String updatedBy) {
    /** The desk of a district that takes complaints no rule places. */
    public static final String ROUTING_DESK = "District Routing Desk";
    /** The one key of {@code warroom.routing}. */
    public static final String KEY = "table";
    public static final int MAX_RULES = 5000;

    public RoutingTable {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The department for a complaint of {@code category} in {@code district}. */
    public String route(String category, String district) {
        String any = null;
        for (RoutingRule rule : rules) {
            if (rule.category().equals(category)) {
                if (rule.district().equals(district)) {
                    return rule.department();
                }
                if (any == null && RoutingRule.ANY_DISTRICT.equals(rule.district())) {
                    any = rule.department();
                }
            }
        }
        return any != null ? any : ROUTING_DESK;
    }

    /**
     * Checks rules as given by an administrator: known category, a known district code or {@code *}, a department
     * of 1–64 characters, no (category, district) twice. Throws {@link InvalidField} naming {@code items[i].field}.
     */
    public static List<RoutingRule> check(List<RoutingRule> given, DistrictDirectory districts) {
        if (given.size() > MAX_RULES) {
            throw new InvalidField("items", "at most " + MAX_RULES + " rules");
        }
        Set<String> seen = new HashSet<>();
        List<RoutingRule> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            RoutingRule r = given.get(i);
            String at = "items[" + i + "].";
            String category = TicketCategory.parse(r.category()).orElseThrow(() -> new InvalidField(at + "category",
                    "unknown category '" + r.category() + "'; allowed: " + String.join(", ", TicketCategory.ALL)));
            String district = r.district() == null ? null : r.district().strip();
            if (district == null || !(RoutingRule.ANY_DISTRICT.equals(district) || districts.byCode(district).isPresent())) {
                throw new InvalidField(at + "district", "must be an LGD district code or '*' (every district)");
            }
            String department = ComplaintText.check(at + "department", r.department(), ComplaintText.MAX_DEPARTMENT, true);
            if (department.contains("\n") || department.contains("|")) {
                throw new InvalidField(at + "department", "must be one line without '|'");
            }
            if (!seen.add(category + "|" + district)) {
                throw new InvalidField(at + "district", "a second rule for " + category + " in " + district);
            }
            out.add(new RoutingRule(category, district, department));
        }
        return out;
    }

    /** The shipped table (category × every district). */
    public static RoutingTable defaults() {
        try (InputStream in = RoutingTable.class.getResourceAsStream("/complaint/routing-default.csv")) {
            if (in == null) {
                throw new IllegalStateException("resource complaint/routing-default.csv is missing");
            }
            List<RoutingRule> rules = new ArrayList<>();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setCommentMarker('#').get().parse(reader)) {
                    rules.add(new RoutingRule(row.get("category"), row.get("district"), row.get("department")));
                }
            }
            return new RoutingTable(rules, null, "default");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read complaint/routing-default.csv", e);
        }
    }
}
