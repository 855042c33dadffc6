package org.warroom.ingest.reference;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.DistrictRecognizer;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.LearnedAliases;

/**
 * {@link Places} over the shared district and state tables of the contracts module, plus the aliases administrators
 * accepted from triage ({@link #learn}): the recogniser is rebuilt with them and swapped in at once. Thread-safe.
 */
public final class DirectoryPlaces implements Places {
    private final DistrictDirectory shipped;
    private final StateDirectory states;
    private final List<String> preferredStates;
    private volatile DistrictDirectory districts;
    private volatile DistrictRecognizer recognizer;

    public DirectoryPlaces(DistrictDirectory districts, StateDirectory states, List<String> preferredStates) {
        this.shipped = districts;
        this.districts = districts;
        this.states = states;
        this.recognizer = new DistrictRecognizer(districts, states);
        this.preferredStates = List.copyOf(preferredStates);
    }

    /** From now on, the accepted ones of {@code proposals} (all of them, not a change) are names of their districts. */
    public void learn(Collection<AliasProposal> proposals) {
        DistrictDirectory learned = LearnedAliases.apply(shipped, proposals);
        DistrictRecognizer next = new DistrictRecognizer(learned, states);
        districts = learned;
        recognizer = next;
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
