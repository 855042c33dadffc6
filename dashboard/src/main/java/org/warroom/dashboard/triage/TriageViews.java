package org.warroom.dashboard.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.PlaceSuggestions;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.Placement;
import org.warroom.dashboard.access.Viewer;
import org.warroom.elastic.doc.PersonalData;

/**
 * The JSON of triage (docs/TRIAGE.md). The sender is always masked (placing a message never needs the number); the
 * text has numbers in it masked for a viewer without personal data.
 */
final class TriageViews {
    static final int SUGGESTIONS = 5;

    private final DistrictDirectory districts;
    private final StateDirectory states;

    TriageViews(DistrictDirectory districts, StateDirectory states) {
        this.districts = districts;
        this.states = states;
    }

    Map<String, Object> message(CitizenMessage m, Viewer viewer, PlaceSuggestions suggestions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("at", m.at() == null ? null : m.at().toString());
        out.put("channel", m.channel() == null ? null : m.channel().wire());
        out.put("from", PersonalData.maskHandle(m.from()));
        out.put("text", viewer.scope().personalData() ? m.text() : PersonalData.maskText(m.text()));
        out.put("language", m.language());
        out.put("commodities", m.commodities().stream().map(Commodity::wire).toList());
        out.put("version", 0);
        out.put("suggestions", suggestions.suggest(m.text(), SUGGESTIONS).stream().map(this::suggestion).toList());
        return out;
    }

    private Map<String, Object> suggestion(PlaceSuggestions.Suggestion s) {
        Map<String, Object> out = district(s.district());
        out.put("spelling", s.spelling());
        out.put("named", s.named());
        return out;
    }

    Map<String, Object> district(District d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("district", d.code());
        out.put("name", d.name());
        out.put("nameHi", d.nameHi());
        out.put("state", d.stateCode());
        State state = states.byCode(d.stateCode()).orElse(null);
        out.put("stateName", state == null ? null : state.name());
        out.put("stateNameHi", state == null ? null : state.nameHi());
        return out;
    }

    Map<String, Object> placement(Placement p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.messageId());
        out.put("district", p.district());
        districts.byCode(p.district()).ifPresent(d -> out.put("districtName", d.name()));
        out.put("spelling", p.spelling());
        out.put("by", p.by());
        out.put("at", p.at() == null ? null : p.at().toString());
        out.put("version", p.version());
        return out;
    }

    Map<String, Object> proposal(AliasProposal p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", p.key());
        out.put("spelling", p.spelling());
        districts.byCode(p.district()).ifPresentOrElse(d -> out.putAll(district(d)), () -> out.put("district", p.district()));
        out.put("placements", p.placements());
        out.put("status", p.status().wire());
        out.put("decidedBy", p.decidedBy());
        out.put("updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        out.put("version", p.version());
        return out;
    }

    static List<String> allowedDecisions() {
        return List.of("accepted", "rejected");
    }
}
