package org.warroom.contracts.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/** The district table with the accepted aliases added to their districts' names (ingest's recogniser, triage's suggestions). */
public final class LearnedAliases {
    private LearnedAliases() {
    }

    /** {@code base} plus every accepted proposal of {@code proposals} as an alias; unknown districts are skipped. */
    public static DistrictDirectory apply(DistrictDirectory base, Collection<AliasProposal> proposals) {
        Map<String, List<String>> byDistrict = new LinkedHashMap<>();
        for (AliasProposal p : proposals) {
            if (p.status() == AliasStatus.ACCEPTED) {
                byDistrict.computeIfAbsent(p.district(), k -> new ArrayList<>()).add(p.spelling());
            }
        }
        if (byDistrict.isEmpty()) {
            return base;
        }
        List<District> changed = new ArrayList<>();
        byDistrict.forEach((code, spellings) -> base.byCode(code).ifPresent(d -> {
            List<String> aliases = new ArrayList<>(d.aliases());
            aliases.addAll(spellings);
            changed.add(new District(d.code(), d.stateCode(), d.name(), d.nameHi(), d.census2011Code(), d.geoCode(),
                    aliases));
        }));
        return base.withExtra(changed);
    }
}
