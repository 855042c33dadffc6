package org.warroom.ingest.reference;

/** A district as intake needs it: LGD code, LGD state code, English name. */
public record KnownDistrict(String code, String stateCode, String name) {
    /** "396 Bhopal", as used in did-you-mean hints. */
    public String label() {
        return code + " " + name;
    }
}
