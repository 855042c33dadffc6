package org.warroom.dashboard.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/** The short script an agent reads to a worker, in Hindi and English, with the worker's name and home district. */
final class CallScript {
    private final Words words;
    private final DistrictDirectory districts;

    CallScript(Words words, DistrictDirectory districts) {
        this.words = words;
        this.districts = districts;
    }

    Map<String, String> of(WorkerCard card) {
        Map<String, String> script = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            String home = card.homeDistrict() == null ? "" : districts.byCode(card.homeDistrict())
                    .map(d -> language == Language.HI && !d.nameHi().isEmpty() ? d.nameHi() : d.name())
                    .orElse(card.homeDistrict());
            script.put(language.code(), words.format(language, "campaign.script",
                    Map.of("name", card.name() == null ? "" : card.name(), "district", home)));
        }
        return script;
    }
}
