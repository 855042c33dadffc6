package org.warroom.contracts.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One district of India.
 *
 * @param code           LGD district code, e.g. "396" (Bhopal); the id used everywhere
 * @param stateCode      LGD state code, e.g. "23" (Madhya Pradesh)
 * @param name           current common English name, e.g. "Khandwa"
 * @param nameHi         Hindi (Devanagari) name, or "" when not known
 * @param census2011Code Census 2011 district code, or "" for districts created after 2011
 * @param geoCode        the {@code dt_code} of this district in the shipped GeoJSON maps, or ""
 * @param aliases        other names: old names, LGD spellings, headquarters towns, variants
 */
public record District(String code, String stateCode, String name, String nameHi, String census2011Code,
                       String geoCode, List<String> aliases) {

    public District {
        code = required(code, "code");
        stateCode = required(stateCode, "stateCode");
        name = required(name, "name");
        nameHi = nameHi == null ? "" : nameHi.strip();
        census2011Code = census2011Code == null ? "" : census2011Code.strip();
        geoCode = geoCode == null ? "" : geoCode.strip();
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The English name, the Hindi name (when known) and the aliases. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(aliases.size() + 2);
        names.add(name);
        if (!nameHi.isEmpty()) {
            names.add(nameHi);
        }
        names.addAll(aliases);
        return names;
    }

    static String required(String value, String field) {
        Objects.requireNonNull(value, field);
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return v;
    }
}
