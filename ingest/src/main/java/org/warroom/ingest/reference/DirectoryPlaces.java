package org.warroom.ingest.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.DistrictRecognizer;
import org.warroom.contracts.reference.StateDirectory;

/** {@link Places} over the shared district and state tables of the contracts module. Immutable, thread-safe. */
public final class DirectoryPlaces implements Places {
    private final DistrictDirectory districts;
    private final StateDirectory states;
    private final DistrictRecognizer recognizer;
    private final List<String> preferredStates;

    public DirectoryPlaces(DistrictDirectory districts, StateDirectory states, List<String> preferredStates) {
        this.districts = districts;
        this.states = states;
        this.recognizer = new DistrictRecognizer(districts, states);
        this.preferredStates = List.copyOf(preferredStates);
    }

    /** The shipped tables, plus the districts of {@code extraDistricts} when given. */
    public static DirectoryPlaces load(Optional<Path> extraDistricts, List<String> preferredStates) {
        DistrictDirectory districts = DistrictDirectory.load();
        if (extraDistricts.isPresent()) {
            districts = districts.withExtra(extraDistricts.get());
        }
        return new DirectoryPlaces(districts, StateDirectory.load(), preferredStates);
    }

    @Override
    public Optional<KnownDistrict> district(String code) {
        if (code == null || code.isEmpty() || code.length() > 6 || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return districts.byCode(code).map(DirectoryPlaces::known);
    }

    @Override
    public Optional<KnownDistrict> suggest(String value) {
        Optional<District> byName = districts.byName(value);
        if (byName.isPresent()) {
            return byName.map(DirectoryPlaces::known);
        }
        return districts.suggestDistricts(value, 1).stream().findFirst().map(DirectoryPlaces::known);
    }

    @Override
    public Optional<String> stateCode(String codeOrName) {
        return states.resolve(codeOrName);
    }

    @Override
    public Optional<KnownDistrict> recognise(String text) {
        return recognizer.recognize(text, preferredStates).map(r -> known(r.district()));
    }

    private static KnownDistrict known(District d) {
        return new KnownDistrict(d.code(), d.stateCode(), d.name());
    }
}
