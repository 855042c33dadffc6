package org.warroom.ingest.reference;

import java.util.Optional;

/**
 * The reference data intake validates against: districts by LGD code, states by code or name, district
 * recognition in free text. Backed by the shared district directory of the contracts module.
 */
public interface Places {
    /** The district with this LGD code. */
    Optional<KnownDistrict> district(String code);

    /** The district a mistyped value most likely meant (a name, an alias, a near code), for "did you mean". */
    Optional<KnownDistrict> suggest(String value);

    /** The LGD state code for a state code or English name (any case). */
    Optional<String> stateCode(String codeOrName);

    /** The district a Hindi or English text talks about, when exactly one can be recognised. */
    Optional<KnownDistrict> recognise(String text);
}
