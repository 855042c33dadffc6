package org.warroom.contracts.reference;

import java.util.List;

/**
 * One state or union territory of India.
 *
 * @param code    LGD state code, e.g. "23"
 * @param name    English name, e.g. "Madhya Pradesh"
 * @param nameHi  Hindi name, e.g. "मध्य प्रदेश"
 * @param aliases abbreviations and other names, e.g. "MP", "Orissa"
 */
public record State(String code, String name, String nameHi, List<String> aliases) {

    public State {
        code = District.required(code, "code");
        name = District.required(name, "name");
        nameHi = nameHi == null ? "" : nameHi.strip();
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
